/** Who is in a partner's team, and how loaded each person is: the reads routing needs. */
import type { Candidate } from "../core/routing/route.js";
import { formatOwner, type Owner } from "../core/routing/support-owners.js";
import { asUnavailable, statusOf } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";

export type TeamMembers = { ok: true; members: string[] } | { ok: false; reason: string };

/** A team the app cannot read (missing, or no `members` permission) is an answer, not an outage. */
export async function readTeamMembers(octokit: Octokit, org: string, slug: string): Promise<TeamMembers> {
  try {
    const members = await octokit.paginate(octokit.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
    return { ok: true, members: members.filter((m) => m.type !== "Bot").map((m) => m.login) };
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 403) return { ok: false, reason: status === 404 ? "team not found" : "no permission to read the team" };
    throw asUnavailable(error, `reading team @${org}/${slug}`);
  }
}

/** Open issues assigned to each person (pull requests excluded), read from repository-wide pages. */
export async function countOpenAssignments(octokit: Octokit, repo: RepoRef, maxPages = 10): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let page = 0;
  try {
    for await (const response of octokit.paginate.iterator(octokit.rest.issues.listForRepo, { ...repo, state: "open", per_page: 100 })) {
      for (const issue of response.data) {
        if (issue.pull_request) continue;
        for (const assignee of issue.assignees ?? []) counts.set(assignee.login, (counts.get(assignee.login) ?? 0) + 1);
      }
      if (++page >= maxPages) break;
    }
  } catch (error) {
    throw asUnavailable(error, "listing open issues");
  }
  return counts;
}

/** Whether a person may run commands: write access, or membership of a support team. */
export async function hasWriteAccess(octokit: Octokit, repo: RepoRef, username: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return data.permission === "admin" || data.permission === "write" || data.permission === "maintain";
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw asUnavailable(error, `reading ${username}'s permission`);
  }
}

export async function isTeamMember(octokit: Octokit, org: string, slug: string, username: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username });
    return data.state === "active";
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 403) return false;
    throw asUnavailable(error, `reading @${org}/${slug} membership`);
  }
}

/** Everyone who may be assigned a ticket of these owners (team members and named people), with their load. */
export async function readAssignmentCandidates(octokit: Octokit, repo: RepoRef, owners: Owner[]): Promise<{ candidates: Candidate[]; unreadableTeams: string[] }> {
  const logins = new Set<string>();
  const unreadableTeams: string[] = [];
  for (const owner of owners) {
    if (owner.kind === "user") logins.add(owner.login);
    else {
      const team = await readTeamMembers(octokit, owner.org, owner.slug);
      if (team.ok) team.members.forEach((m) => logins.add(m));
      else unreadableTeams.push(formatOwner(owner));
    }
  }
  // Load only matters when there is a choice to make.
  const load = logins.size > 1 ? await countOpenAssignments(octokit, repo) : new Map<string, number>();
  return { candidates: [...logins].map((login) => ({ login, openAssignments: load.get(login) ?? 0 })), unreadableTeams };
}
