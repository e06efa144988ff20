/**
 * The support report (SPEC §3 `duet-support report`): config, owners and teams read once, then pages
 * of 100 open and closed issues → ReportTickets → buildReport → markdown or JSON. Reads only.
 * Reads grow with pages of issues, never with issues; the dashboard job shares `readSupportReport`.
 */
import { type Config, tierOfLabel } from "../core/config/index.js";
import { clockRulesFor, type SweepContext } from "../core/reminders/reminders.js";
import { toReportTicket } from "../core/reports/from-snapshot.js";
import { buildReport, renderReportJson, renderReportMarkdown, type ReportTicket, type SupportReport, supportYear } from "../core/reports/index.js";
import { type Problem, type Result, ok } from "../core/result.js";
import type { OwnerRule } from "../core/routing/support-owners.js";
import { DASHBOARD_TITLE } from "../github/dashboard-issue.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { type ConfigLoader, configLoader, readRepoConfig, readSupportOwners } from "../github/repository-files.js";
import { countRequests } from "../github/request-count.js";
import { readTicketPages, type TicketSnapshot } from "../github/support-tickets.js";
import { readTeamMembers } from "../github/teams.js";
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
  const config = await readRepoConfig(options.loadConfig ?? configLoader(octokit, repo));
  if (!config.ok) return config;
  const ownerRules = await readSupportOwners(octokit, repo, config.value);
  if (!ownerRules.ok) return ownerRules;
  const calendars = options.calendars ?? new CalendarCache();
  const ctx: SweepContext = {
    config: config.value,
    org: repo.owner,
    ownerRules: ownerRules.value,
    teamMembers: await readResponderTeams(octokit, repo.owner, config.value, ownerRules.value),
    calendarFor: (partnerId) => calendars.forPartner(config.value, partnerId),
  };

  const year = options.year ?? supportYearContaining(config.value.reportYearStart, now);
  const period = supportYear(config.value.reportYearStart, year);
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
  return ok({ report: buildReport(tickets, config.value, year, now), pages, issuesRead });
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
async function readResponderTeams(octokit: Octokit, org: string, config: Config, ownerRules: OwnerRule[]): Promise<Map<string, Set<string>>> {
  const slugs = new Set<string>([...Object.values(config.partners).map((p) => p.team), ...config.supportTeams]);
  for (const rule of ownerRules) for (const owner of rule.owners) if (owner.kind === "team" && owner.org === org) slugs.add(owner.slug);
  const members = new Map<string, Set<string>>();
  for (const slug of slugs) {
    const team = await readTeamMembers(octokit, org, slug);
    // An unreadable team (a GITHUB_TOKEN cannot read teams) leaves write access to recognise responders.
    members.set(slug, new Set(team.ok ? team.members : []));
  }
  return members;
}
