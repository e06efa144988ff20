/**
 * A ticket's clocks as a handler reads them: its history (one GraphQL query), SUPPORT_OWNERS and
 * the responsible teams' members, then deriveClocks with the sweep's own rules (clockRulesFor).
 */
import type { ClockRules, SlaClock } from "../core/clocks/index.js";
import { deriveClocks } from "../core/clocks/index.js";
import type { Config } from "../core/config/index.js";
import { TIERS } from "../core/config/labels.js";
import { clockRulesFor, type SweepContext } from "../core/reminders/reminders.js";
import { componentOf, responsibilityFor } from "../core/reminders/responsibility.js";
import type { Problem } from "../core/result.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { readSupportOwners } from "../github/repository-files.js";
import { readSupportTicket } from "../github/support-ticket.js";
import type { TicketSnapshot } from "../github/support-tickets.js";
import { readTeamMembers } from "../github/teams.js";
import type { Deps } from "./deps.js";

export type TicketClocks =
  | { ok: true; ticket: TicketSnapshot; clocks: SlaClock[]; rules: ClockRules }
  | { ok: false; problems: Problem[] }
  | { ok: false; problems: []; isMissing: true };

export async function readTicketClocks(octokit: Octokit, repo: RepoRef, config: Config, number: number, deps: Deps): Promise<TicketClocks> {
  const ticket = await readSupportTicket(octokit, repo, number);
  if (!ticket) return { ok: false, problems: [], isMissing: true };
  const ownerRules = await readSupportOwners(octokit, repo, config);
  if (!ownerRules.ok) return { ok: false, problems: ownerRules.problems };
  const context: SweepContext = {
    config,
    org: repo.owner,
    ownerRules: ownerRules.value,
    teamMembers: await readResponsibleTeams(octokit, repo, config, ownerRules.value, ticket.labels),
    calendarFor: (partner) => deps.calendars.forPartner(config, partner),
  };
  const rules = clockRulesFor(ticket, context);
  return { ok: true, ticket, clocks: deriveClocks(ticket.history, rules, deps.now()), rules };
}

/** Members of every team answering one of the ticket's tiers; a team the app cannot read counts as empty. */
async function readResponsibleTeams(octokit: Octokit, repo: RepoRef, config: Config, ownerRules: SweepContext["ownerRules"], labels: string[]): Promise<Map<string, Set<string>>> {
  const component = componentOf(config, labels);
  const slugs = new Set<string>();
  for (const tier of TIERS) {
    const responsibility = responsibilityFor(config, ownerRules, repo.owner, tier, component);
    for (const owner of responsibility.owners) if (owner.kind === "team") slugs.add(owner.slug);
    for (const partner of responsibility.partners) slugs.add(config.partners[partner]!.team);
  }
  const members = new Map<string, Set<string>>();
  for (const slug of slugs) {
    const team = await readTeamMembers(octokit, repo.owner, slug);
    if (team.ok) members.set(slug, new Set(team.members));
  }
  return members;
}
