/**
 * The support report (SPEC §3 `duet-support report`): config, owners and teams read once, then pages
 * of 100 open and closed issues → ReportTickets → buildReport → markdown or JSON. Reads only.
 * Reads grow with pages of issues, never with issues; the dashboard job shares `readSupportReport`.
 */
import { tierOfLabel } from "../core/config/index.js";
import { clockRulesFor } from "../core/reminders/reminders.js";
import { toReportTicket } from "../core/reports/from-snapshot.js";
import { buildReport, renderReportJson, renderReportMarkdown, type ReportTicket, type SupportReport, supportYear } from "../core/reports/index.js";
import { type Problem, type Result, ok } from "../core/result.js";
import { DASHBOARD_TITLE } from "../github/dashboard-issue.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { type ConfigLoader, configLoader } from "../github/repository-files.js";
import { readClockContext } from "./clock-context.js";
import { countRequests } from "../github/request-count.js";
import { readTicketPages, type TicketSnapshot } from "../github/support-tickets.js";
import { CalendarCache } from "../handlers/deps.js";

/** pino's shape, so Probot's logger fits; fields carry no personal data. */
export interface JobLog {
  info(fields: Record<string, unknown>, message: string): void;
}

export interface ReadReportOptions {
  octokit: Octokit;
  repo: RepoRef;
  /** The calendar year the support year starts in; default: the support year containing `now`. */
  year?: number;
  now: Date;
  /** Default: `.github/duet-support.yml` read from the repository (the CLI's loader). */
  loadConfig?: ConfigLoader;
  calendars?: CalendarCache;
  log?: JobLog;
  pageSize?: number;
}

export interface ReportOptions extends ReadReportOptions {
  format: "md" | "json";
}

export interface ReadReport {
  report: SupportReport;
  /** GraphQL pages of issues read. */
  pages: number;
  /** Issues read (every state, updated since the year began). */
  issuesRead: number;
}

export type ReportResult = { ok: true; output: string; requests: number; pages: number } | { ok: false; problems: Problem[] };

/** Prints the report; `problems` means the repository's configuration is invalid (exit 2). */
export async function runReport(options: ReportOptions): Promise<ReportResult> {
  const requests = countRequests(options.octokit);
  const read = await readSupportReport(options);
  if (!read.ok) return read;
  const { report, pages } = read.value;
  const output = options.format === "json" ? renderReportJson(report) : renderReportMarkdown(report);
  return { ok: true, output, requests: requests.total, pages };
}

export async function readSupportReport(options: ReadReportOptions): Promise<Result<ReadReport>> {
  const { octokit, repo, now } = options;
  const calendars = options.calendars ?? new CalendarCache();
  const context = await readClockContext(octokit, repo, options.loadConfig ?? configLoader(octokit, repo), calendars);
  if (!context.ok) return context;
  const ctx = context.value;

  const year = options.year ?? supportYearContaining(ctx.config.reportYearStart, now);
  const period = supportYear(ctx.config.reportYearStart, year);
  const tickets: ReportTicket[] = [];
  let pages = 0;
  let issuesRead = 0;
  // A ticket opened in the year, or with effort logged in it, was updated in it: `since` keeps them all.
  const stream = readTicketPages(octokit, repo, { states: ["OPEN", "CLOSED"], pageSize: options.pageSize ?? 100, since: period.start });
  for await (const page of stream) {
    pages++;
    issuesRead += page.length;
    for (const snapshot of page) {
      if (isDashboardIssue(snapshot)) continue;
      tickets.push(toReportTicket(snapshot, clockRulesFor(snapshot, ctx), now));
    }
    // Pages come oldest first; an issue opened after the year can hold nothing of it.
    const last = page[page.length - 1];
    if (!last || last.createdAt >= period.end) break;
  }
  options.log?.info({ repo: `${repo.owner}/${repo.repo}`, year, pages, issuesRead }, "support report read");
  return ok({ report: buildReport(tickets, ctx.config, year, now), pages, issuesRead });
}

/**
 * The dashboard issue is the app's own, not a request. Snapshots carry no body to read its marker
 * from, so it is known by its title and by never having been triaged into a tier.
 */
function isDashboardIssue(snapshot: TicketSnapshot): boolean {
  return snapshot.title === DASHBOARD_TITLE && !snapshot.labels.some((label) => tierOfLabel(label) !== undefined);
}

/** The calendar year in which the support year containing `now` began. */
export function supportYearContaining(reportYearStart: string, now: Date): number {
  const year = now.getUTCFullYear();
  return supportYear(reportYearStart, year).start > now ? year - 1 : year;
}

/** Members of every team that can answer a ticket (partner, support and SUPPORT_OWNERS teams), one read each. */
