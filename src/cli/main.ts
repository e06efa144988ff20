#!/usr/bin/env node
/**
 * `duet-support`: the scheduled jobs on the command line (SPEC §3). Parses arguments, reads the
 * environment once, calls jobs/, and maps outcomes to exit codes in one place:
 * 0 ok, 2 bad arguments or configuration, 1 GitHub unreachable after retries.
 */
import { parseArgs } from "node:util";
import { CalendarCache } from "../handlers/deps.js";
import { GitHubUnavailable } from "../github/errors.js";
import { configLoader } from "../github/repository-files.js";
import { sweepRepository } from "../jobs/sweep.js";
import { CliConfigError, githubClient, readCliAuth } from "./auth.js";
import { renderSweepSummary, renderSweepTable } from "./sweep-output.js";
import { COMMANDS, HELP, type CommandName } from "./help.js";
import type { Problem } from "../core/result.js";
import type { RepoRef } from "../github/octokit.js";

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  try {
    return await dispatch(argv, env, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliConfigError) {
      io.err(`duet-support: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof GitHubUnavailable) {
      io.err(`duet-support: GitHub could not be reached after retries: ${error.message}\n`);
      return EXIT.failure;
    }
    io.err(`duet-support: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}

async function dispatch(argv: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(HELP.main);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"\n\n${HELP.main}`);
  const name = command as CommandName;
  const { values } = parse(name, rest);
  if (values.help) {
    io.out(HELP[name]);
    return EXIT.ok;
  }
  const repo = parseRepo(values.repo);
  const auth = readCliAuth(env);
  if (!auth.ok) return problems(io, auth.problems);
  const octokit = await githubClient(auth.value, repo);
  const loadConfig = configLoader(octokit, repo);

  switch (name) {
    case "sweep": {
      const now = parseNow(values.now);
      const result = await sweepRepository({ octokit, repo, loadConfig, now, dryRun: Boolean(values["dry-run"]), calendars: new CalendarCache() });
      if (!result.ok) return problems(io, result.problems);
      if (values["dry-run"]) io.out(renderSweepTable(result.rows, now));
      io.out(renderSweepSummary(result, repo, Boolean(values["dry-run"])));
      return EXIT.ok;
    }
  }
  return EXIT.ok;
}

function parse(command: CommandName, args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        repo: { type: "string" },
        help: { type: "boolean", short: "h" },
        ...(command === "sweep" && { "dry-run": { type: "boolean" }, now: { type: "string" } }),
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP[command]}`);
  }
}

function parseRepo(value: string | boolean | undefined): RepoRef {
  if (typeof value !== "string") throw new UsageError("--repo owner/name is required");
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (!match) throw new UsageError(`--repo: expected owner/name, got "${value}"`);
  return { owner: match[1]!, repo: match[2]! };
}

function parseNow(value: string | boolean | undefined): Date {
  if (value === undefined) return new Date();
  const now = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: expected an ISO time such as 2026-11-26T09:00:00Z, got "${String(value)}"`);
  return now;
}

function problems(io: Io, list: Problem[]): number {
  for (const p of list) io.err(`duet-support: ${p.where}: ${p.message}\n`);
  return EXIT.usage;
}

const isEntryPoint = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const code = await main(process.argv.slice(2), process.env, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
  process.exitCode = code;
}
