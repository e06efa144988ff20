/**
 * Reads the repository's own support files: `.github/duet-support.yml` (through Probot's
 * context.config, so `_extends` and organisation defaults work) and `.github/SUPPORT_OWNERS`.
 */
import { type Config, CONFIG_PATH, parseConfig } from "../core/config/index.js";
import { type Problem, type Result, fail, ok } from "../core/result.js";
import {
  defaultSupportOwners,
  type OwnerRule,
  parseSupportOwners,
  SUPPORT_OWNERS_PATH,
} from "../core/routing/support-owners.js";
import { asUnavailable, isNotFound } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";

/** What Probot's `context.config` needs; in the CLI a small loader stands in for it. */
export type ConfigLoader = (fileName: string) => Promise<unknown>;

export async function readRepoConfig(load: ConfigLoader): Promise<Result<Config>> {
  let raw: unknown;
  try {
    raw = await load("duet-support.yml");
  } catch (error) {
    const problem = yamlProblem(error);
    if (problem) return fail(problem);
    throw asUnavailable(error, `reading ${CONFIG_PATH}`);
  }
  return parseConfig(raw);
}

/**
 * Probot's config plugin wraps YAML errors ("Configuration could not be parsed from … (invalid YAML)")
 * with the parser's error as the cause.
 */
function yamlProblem(error: unknown): Problem | undefined {
  const message = String((error as Error)?.message ?? "");
  const cause = (error as { cause?: { linePos?: { line: number }[]; message?: string } })?.cause;
  if (/could not be parsed/.test(message)) {
    const line = cause?.linePos?.[0]?.line;
    const reason = /YAML is not an object/.test(message) ? "the file is not a mapping of keys" : `not valid YAML${cause?.message ? `: ${cause.message.split("\n")[0]}` : ""}`;
    return { where: line ? `${CONFIG_PATH}:${line}` : CONFIG_PATH, message: reason };
  }
  return undefined;
}

/**
 * `.github/duet-support.yml` as Probot's context.config reads it (the repository's file, else the
 * organisation's `.github` repository's, following `_extends`), for handlers, the CLI and the
 * server's sweep alike. Files merge deeply; lists replace, as they do over the built-in defaults.
 */
export function configLoader(octokit: Octokit, repo: RepoRef): ConfigLoader {
  return async (fileName) => {
    const { config, files } = await octokit.config.get({
      ...repo,
      path: `.github/${fileName}`,
      defaults: (configs: Record<string, unknown>[]) => configs.reduce<unknown>((merged, next) => deepMerge(merged, next), {}) as Record<string, unknown>,
    });
    return files.some((file) => file.config !== null) ? config : null;
  };
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export async function readSupportOwners(octokit: Octokit, repo: RepoRef, config: Config): Promise<Result<OwnerRule[]>> {
  const text = await readTextFile(octokit, repo, SUPPORT_OWNERS_PATH);
  if (text === undefined) return ok(defaultSupportOwners(config, repo.owner));
  return parseSupportOwners(text, SUPPORT_OWNERS_PATH);
}

/** A file's text, or undefined when the repository has no such file. */
export async function readTextFile(octokit: Octokit, repo: RepoRef, path: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path });
    if (Array.isArray(data) || data.type !== "file") return undefined;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw asUnavailable(error, `reading ${path}`);
  }
}
