/**
 * Reads the repository's own support files: `.github/duet-support.yml` (through Probot's
 * context.config, so `_extends` and organisation defaults work) and `.github/SUPPORT_OWNERS`.
 */
import yaml from "js-yaml";
import { type Config, CONFIG_PATH, defaultConfig, parseConfig } from "../core/config/index.js";
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
 * with the parser's error as the cause; js-yaml (the CLI's loader) throws a YAMLException.
 */
function yamlProblem(error: unknown): Problem | undefined {
  const message = String((error as Error)?.message ?? "");
  const cause = (error as { cause?: { linePos?: { line: number }[]; message?: string } })?.cause;
  if (/could not be parsed/.test(message)) {
    const line = cause?.linePos?.[0]?.line;
    const reason = /YAML is not an object/.test(message) ? "the file is not a mapping of keys" : `not valid YAML${cause?.message ? `: ${cause.message.split("\n")[0]}` : ""}`;
    return { where: line ? `${CONFIG_PATH}:${line}` : CONFIG_PATH, message: reason };
  }
  if (error instanceof yaml.YAMLException) {
    const where = error.mark ? `${CONFIG_PATH}:${error.mark.line + 1}` : CONFIG_PATH;
    return { where, message: `not valid YAML: ${error.reason}` };
  }
  return undefined;
}

/**
 * Probot's context.config: the repository's file, or the organisation's `.github` repository's,
 * with `_extends`. Lists replace rather than concatenate, as they do over the built-in defaults.
 */
export function probotConfigLoader(context: { config: (file: string, defaults?: undefined, options?: { arrayMerge: (target: unknown[], source: unknown[]) => unknown[] }) => Promise<unknown> }): ConfigLoader {
  return (file) => context.config(file, undefined, { arrayMerge: (_target, source) => source });
}

/** The CLI's stand-in for context.config: the file from the repository itself, YAML-parsed. */
export function repositoryConfigLoader(octokit: Octokit, repo: RepoRef): ConfigLoader {
  return async (fileName) => {
    const text = await readTextFile(octokit, repo, `.github/${fileName}`);
    // CORE_SCHEMA keeps an unquoted 2026-12-24 a string, as Probot's own YAML reader does.
    return text === undefined ? null : yaml.load(text, { schema: yaml.CORE_SCHEMA });
  };
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

export { defaultConfig };
