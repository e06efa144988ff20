/**
 * The SLA sweep (SPEC §3): pages of open tickets → clocks at `now` → a warning at 75 % and a breach
 * notice at 100 %, each once per clock (hidden markers). Shared by the CLI and the server's interval.
 * Reads grow with pages of 100 issues; writes happen only for new reminders, and the ticket's card on
 * the board (when one is configured) follows each reminder.
 */
import type { Problem } from "../core/result.js";
import { type SweepRow, sweepTicket } from "../core/reminders/reminders.js";
import { BoardCache } from "../github/board.js";
import { type BoardSyncLog, syncBoard } from "../handlers/board-sync.js";
import type { CalendarCache } from "../handlers/deps.js";
import { addLabels, nextLabels, postComment, removeLabel } from "../github/issues.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import type { ConfigLoader } from "../github/repository-files.js";
import { countRequests } from "../github/request-count.js";
import { readTicketPages } from "../github/support-tickets.js";
import { readClockContext } from "./clock-context.js";

export interface SweepOptions {
  octokit: Octokit;
  repo: RepoRef;
  loadConfig: ConfigLoader;
  now: Date;
  dryRun?: boolean;
  calendars: CalendarCache;
  pageSize?: number;
  /** The server's board cache, so an unreachable board is left alone across sweeps; a fresh one per run otherwise. */
  boards?: BoardCache;
  /** Where board problems are logged (Probot's logger, the CLI's); the console otherwise. */
  log?: BoardSyncLog;
}

const CONSOLE_LOG: BoardSyncLog = {
  info: () => {},
  warn: (fields, message) => console.warn(message, fields),
  error: (fields, message) => console.error(message, fields),
};

export type SweepResult =
  | {
      ok: true;
      rows: SweepRow[];
      warningsPosted: number;
      breachesPosted: number;
      pages: number;
      requests: { reads: number; writes: number };
    }
  | { ok: false; problems: Problem[] };

export async function sweepRepository(options: SweepOptions): Promise<SweepResult> {
  const { octokit, repo, now } = options;
  const requests = countRequests(octokit);
  const context = await readClockContext(octokit, repo, options.loadConfig, options.calendars);
  if (!context.ok) return context;
  const ctx = context.value;

  const rows: SweepRow[] = [];
  let warningsPosted = 0;
  let breachesPosted = 0;
  let pages = 0;
  const board = { boards: options.boards ?? new BoardCache(), calendars: options.calendars, now: () => now };
  for await (const page of readTicketPages(octokit, repo, { states: ["OPEN"], pageSize: options.pageSize ?? 100 })) {
    pages++;
    for (const ticket of page) {
      const { row, reminder, clock } = sweepTicket(ticket, ctx, now);
      rows.push(row);
      if (!reminder || options.dryRun) continue;
      const issue = { ...repo, issue_number: ticket.number };
      const labels = nextLabels(ticket.labels, reminder.labelsToAdd, reminder.labelsToRemove);
      // Writes one at a time: GitHub's secondary rate limits punish bursts of content creation.
      // The page may be minutes old: add and remove only the SLA labels, never rewrite the whole set.
      await addLabels(octokit, issue, reminder.labelsToAdd);
      for (const name of reminder.labelsToRemove) await removeLabel(octokit, issue, name);
      await postComment(octokit, issue, reminder.body);
      // The clock is in hand: the card costs its read and one write, and nothing without a board.
      await syncBoard({ octokit, issue, log: options.log ?? CONSOLE_LOG }, board, ctx.config, { labels, state: "open", clock, appCommentBodies: ticket.appCommentBodies });
      if (reminder.kind === "sla-warning") warningsPosted++;
      else breachesPosted++;
    }
  }
  return { ok: true, rows, warningsPosted, breachesPosted, pages, requests: { reads: requests.reads, writes: requests.writes } };
}
