#!/usr/bin/env node
/**
 * `duet-support`: the scheduled jobs on the command line (SPEC §3). Parses arguments, reads the
 * environment once, calls jobs/, and maps outcomes to exit codes in one place:
 * 0 ok, 2 bad arguments or configuration, 1 GitHub unreachable after retries.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CalendarCache } from "../handlers/deps.js";
import { GitHubUnavailable, graphqlErrorType, statusOf } from "../github/errors.js";
import { configLoader } from "../github/repository-files.js";
import { backfillBoard } from "../jobs/board.js";
import { readClockContext } from "../jobs/clock-context.js";
import { updateDashboard } from "../jobs/dashboard.js";
import { runReport } from "../jobs/report.js";
import { sweepRepository } from "../jobs/sweep.js";
import { CliConfigError, githubClient, readCliAuth } from "./auth.js";
import { renderBoardSummary, renderDashboardSummary, renderSweepSummary, renderSweepTable } from "./output.js";
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
    const refused = refusal(error);
    if (refused) {
      io.err(`duet-support: ${refused}\n`);
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

/** GitHub answered, and the answer means the arguments or the credentials are wrong (exit 2). */
function refusal(error: unknown): string | undefined {
  const type = graphqlErrorType(error);
  if (type === "NOT_FOUND") return `not found: ${(error as Error).message} (check --repo and that the token can read it)`;
  if (type === "FORBIDDEN") return `forbidden: ${(error as Error).message} (the token lacks a permission)`;
  const status = statusOf(error);
  if (status === 401) return "GitHub refused the credentials (401): check GITHUB_TOKEN, or APP_ID and PRIVATE_KEY";
  if (status === 403 && !/rate limit/i.test((error as Error).message)) return `GitHub refused the request (403): ${(error as Error).message}`;
  if (status === 404) return `not found (404): ${(error as Error).message} (check --repo and that the token can read it)`;
  return undefined;
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

  const calendars = new CalendarCache();
  const dryRun = Boolean(values["dry-run"]);
  switch (name) {
    case "sweep": {
      const now = parseNow(values.now);
      const result = await sweepRepository({ octokit, repo, loadConfig, now, dryRun, calendars, log: cliLog(io) });
      if (!result.ok) return problems(io, result.problems);
      if (dryRun) io.out(renderSweepTable(result.rows, now));
      io.out(renderSweepSummary(result, repo, dryRun));
      return EXIT.ok;
    }
    case "report": {
      const format = parseFormat(values.format);
      const year = parseYear(values.year);
      const result = await runReport({ octokit, repo, now: new Date(), format, loadConfig, calendars, ...(year !== undefined && { year }) });
      if (!result.ok) return problems(io, result.problems);
      io.out(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
      io.err(`duet-support: report read ${result.pages} page(s) of issues in ${result.requests} GitHub request(s)\n`);
      return EXIT.ok;
    }
    case "dashboard": {
      const result = await updateDashboard({ octokit, repo, now: new Date(), dryRun, loadConfig, calendars });
      if (!result.ok) return problems(io, result.problems);
      if (dryRun) io.out(`${result.body}\n`);
      io.out(renderDashboardSummary(result, repo, dryRun));
      return EXIT.ok;
    }
    case "board": {
      const context = await readClockContext(octokit, repo, loadConfig, calendars);
      if (!context.ok) return problems(io, context.problems);
      if (!context.value.config.board) {
        io.out(`${repo.owner}/${repo.repo}: no board is configured (the \`board\` key of .github/duet-support.yml); nothing to do\n`);
        return EXIT.ok;
      }
      const result = await backfillBoard({ octokit, repo, config: context.value.config, dryRun, now: new Date(), log: cliLog(io), clockContext: context.value });
      if (!result.ok) return problems(io, result.problems);
      io.out(renderBoardSummary(result.value, dryRun));
      return EXIT.ok;
    }
  }
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
        ...(command !== "report" && { "dry-run": { type: "boolean" } }),
        ...(command === "sweep" && { now: { type: "string" } }),
        ...(command === "report" && { year: { type: "string" }, format: { type: "string" } }),
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

function parseFormat(value: string | boolean | undefined): "md" | "json" {
  if (value === undefined) return "md";
  if (value === "md" || value === "json") return value;
  throw new UsageError(`--format: expected md or json, got "${String(value)}"`);
}

function parseYear(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^\d{4}$/.test(value)) return Number(value);
  throw new UsageError(`--year: expected a four-digit year such as 2026, got "${String(value)}"`);
}

/** Job progress goes to stderr, so stdout carries only the command's output. */
function cliLog(io: Io) {
  const line = (level: string) => (data: object, msg?: string) => io.err(`duet-support: ${level}: ${msg ?? ""} ${JSON.stringify(data)}\n`);
  return { info: line("info"), warn: line("warn"), error: line("error"), debug: () => {} };
}

function problems(io: Io, list: Problem[]): number {
  for (const p of list) io.err(`duet-support: ${p.where}: ${p.message}\n`);
  return EXIT.usage;
}

// Also true through npm's bin symlink: compare real paths.
const isEntryPoint = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const code = await main(process.argv.slice(2), process.env, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
  process.exitCode = code;
}
