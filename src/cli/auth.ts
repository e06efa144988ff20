/**
 * The CLI's GitHub client: `GITHUB_TOKEN`, or the app's `APP_ID` + `PRIVATE_KEY` (an installation
 * token for the repository). `GITHUB_API_URL` overrides the API base; Octokit derives GraphQL from it.
 */
import { readFileSync } from "node:fs";
import { Probot, ProbotOctokit } from "probot";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { GitHubUnavailable, statusOf } from "../github/errors.js";
import { type Result, fail, ok } from "../core/result.js";

export interface CliAuth {
  kind: "token" | "app";
  baseUrl?: string;
  token?: string;
  appId?: number;
  privateKey?: string;
}

export function readCliAuth(env: NodeJS.ProcessEnv): Result<CliAuth> {
  const baseUrl = env.GITHUB_API_URL?.replace(/\/+$/, "") || undefined;
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) return fail({ where: "GITHUB_API_URL", message: `expected an http(s) URL, got "${baseUrl}"` });
  const base = baseUrl ? { baseUrl } : {};
  if (env.GITHUB_TOKEN) return ok({ kind: "token", token: env.GITHUB_TOKEN, ...base });
  if (env.APP_ID) {
    if (!/^\d+$/.test(env.APP_ID)) return fail({ where: "APP_ID", message: `expected the app's numeric id, got "${env.APP_ID}"` });
    let privateKey = env.PRIVATE_KEY;
    if (!privateKey && env.PRIVATE_KEY_PATH) {
      try {
        privateKey = readFileSync(env.PRIVATE_KEY_PATH, "utf8");
      } catch {
        return fail({ where: "PRIVATE_KEY_PATH", message: `cannot read ${env.PRIVATE_KEY_PATH}` });
      }
    }
    if (!privateKey) return fail({ where: "PRIVATE_KEY", message: "APP_ID is set but PRIVATE_KEY (or PRIVATE_KEY_PATH) is not" });
    return ok({ kind: "app", appId: Number(env.APP_ID), privateKey: privateKey.replace(/\\n/g, "\n"), ...base });
  }
  return fail({ where: "GITHUB_TOKEN", message: "set GITHUB_TOKEN, or APP_ID and PRIVATE_KEY, so the command can reach GitHub" });
}

/** Retries (with backoff) happen inside Octokit; what still fails becomes GitHubUnavailable. */
const RETRY = { retries: 2 };

export async function githubClient(auth: CliAuth, repo: RepoRef): Promise<Octokit> {
  if (auth.kind === "token") {
    return new ProbotOctokit({ auth: { token: auth.token }, ...(auth.baseUrl && { baseUrl: auth.baseUrl }), retry: RETRY, log: quietLog });
  }
  const probot = new Probot({
    appId: auth.appId!,
    privateKey: auth.privateKey!,
    ...(auth.baseUrl && { baseUrl: auth.baseUrl }),
    logLevel: "warn",
    Octokit: ProbotOctokit.defaults({ retry: RETRY }),
  });
  const app = await probot.auth();
  try {
    const { data } = await app.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo });
    return (await probot.auth(data.id)) as Octokit;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) throw new CliConfigError(`the app is not installed on ${repo.owner}/${repo.repo}`);
    throw new GitHubUnavailable(`finding the app's installation: ${(error as Error).message}`, status);
  }
}

/** A problem the user can fix in arguments or configuration (exit 2). */
export class CliConfigError extends Error {
  override name = "CliConfigError";
}

const quietLog = { debug: () => {}, info: () => {}, warn: console.warn, error: console.error };
