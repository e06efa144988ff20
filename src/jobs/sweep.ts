/**
 * The SLA sweep (SPEC §3): pages of open tickets → clocks at `now` → a warning at 75 % and a breach
 * notice at 100 %, each once per clock (hidden markers). Shared by the CLI and the server's interval.
 * Reads grow with pages of 100 issues; writes happen only for new reminders.
 */
import type { Config } from "../core/config/index.js";
import type { Problem } from "../core/result.js";
import { type SweepContext, type SweepRow, sweepTicket } from "../core/reminders/reminders.js";
import type { CalendarCache } from "../handlers/deps.js";
import { nextLabels, postComment, updateIssue } from "../github/issues.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { type ConfigLoader, readRepoConfig, readSupportOwners } from "../github/repository-files.js";
import { countRequests } from "../github/request-count.js";
import { readTicketPages } from "../github/support-tickets.js";
import { readTeamMembers } from "../github/teams.js";

export interface SweepOptions {
  octokit: Octokit;
  repo: RepoRef;
  loadConfig: ConfigLoader;
  now: Date;
  dryRun?: boolean;
  calendars: CalendarCache;
  pageSize?: number;
}

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
  const config = await readRepoConfig(options.loadConfig);
  if (!config.ok) return config;
  const ownerRules = await readSupportOwners(octokit, repo, config.value);
  if (!ownerRules.ok) return ownerRules;
  const ctx: SweepContext = {
    config: config.value,
    org: repo.owner,
    ownerRules: ownerRules.value,
    teamMembers: await readResponderTeams(octokit, repo.owner, config.value, ownerRules.value),
    calendarFor: (partnerId) => options.calendars.forPartner(config.value, partnerId),
  };

  const rows: SweepRow[] = [];
  let warningsPosted = 0;
  let breachesPosted = 0;
  let pages = 0;
  for await (const page of readTicketPages(octokit, repo, { states: ["OPEN"], pageSize: options.pageSize ?? 100 })) {
    pages++;
    for (const ticket of page) {
      const { row, reminder } = sweepTicket(ticket, ctx, now);
      rows.push(row);
      if (!reminder || options.dryRun) continue;
      const issue = { ...repo, issue_number: ticket.number };
      // Writes one at a time: GitHub's secondary rate limits punish bursts of content creation.
      if (reminder.labelsToAdd.length + reminder.labelsToRemove.length > 0) {
        await updateIssue(octokit, issue, { labels: nextLabels(ticket.labels, reminder.labelsToAdd, reminder.labelsToRemove) });
      }
      await postComment(octokit, issue, reminder.body);
      if (reminder.kind === "sla-warning") warningsPosted++;
      else breachesPosted++;
    }
  }
  return { ok: true, rows, warningsPosted, breachesPosted, pages, requests: { reads: requests.reads, writes: requests.writes } };
}

/** Members of every team that can answer a ticket: partner teams, SUPPORT_OWNERS teams, support teams. */
async function readResponderTeams(
  octokit: Octokit,
  org: string,
  config: Config,
  ownerRules: { owners: { kind: string; org?: string; slug?: string }[] }[],
): Promise<Map<string, Set<string>>> {
  const slugs = new Set<string>([...Object.values(config.partners).map((p) => p.team), ...config.supportTeams]);
  for (const rule of ownerRules) for (const owner of rule.owners) if (owner.kind === "team" && owner.org === org && owner.slug) slugs.add(owner.slug);
  const members = new Map<string, Set<string>>();
  for (const slug of slugs) {
    const team = await readTeamMembers(octokit, org, slug);
    // An unreadable team still leaves write access (GitHub's author association) to recognise responders.
    members.set(slug, new Set(team.ok ? team.members : []));
  }
  return members;
}
