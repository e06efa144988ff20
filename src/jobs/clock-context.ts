/**
 * What every job reads once before its pages of issues: the configuration, SUPPORT_OWNERS and the
 * members of every team that can answer a ticket. Shared by the sweep, the report and the board.
 */
import type { Config } from "../core/config/index.js";
import type { SweepContext } from "../core/reminders/reminders.js";
import { type Result, ok } from "../core/result.js";
import type { OwnerRule } from "../core/routing/support-owners.js";
import type { CalendarCache } from "../handlers/deps.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { type ConfigLoader, readRepoConfig, readSupportOwners } from "../github/repository-files.js";
import { readTeamMembers } from "../github/teams.js";

export async function readClockContext(octokit: Octokit, repo: RepoRef, loadConfig: ConfigLoader, calendars: CalendarCache): Promise<Result<SweepContext>> {
  const config = await readRepoConfig(loadConfig);
  if (!config.ok) return config;
  const ownerRules = await readSupportOwners(octokit, repo, config.value);
  if (!ownerRules.ok) return ownerRules;
  return ok({
    config: config.value,
    org: repo.owner,
    ownerRules: ownerRules.value,
    teamMembers: await readResponderTeams(octokit, repo.owner, config.value, ownerRules.value),
    calendarFor: (partnerId) => calendars.forPartner(config.value, partnerId),
  });
}

/** Members of partner teams, SUPPORT_OWNERS teams and support teams: one read per team. */
async function readResponderTeams(octokit: Octokit, org: string, config: Config, ownerRules: OwnerRule[]): Promise<Map<string, Set<string>>> {
  const slugs = new Set<string>([...Object.values(config.partners).map((p) => p.team), ...config.supportTeams]);
  for (const rule of ownerRules) for (const owner of rule.owners) if (owner.kind === "team" && owner.org === org) slugs.add(owner.slug);
  const members = new Map<string, Set<string>>();
  for (const slug of slugs) {
    const team = await readTeamMembers(octokit, org, slug);
    // An unreadable team (a workflow's GITHUB_TOKEN cannot read teams) leaves write access to recognise responders.
    members.set(slug, new Set(team.ok ? team.members : []));
  }
  return members;
}
