/**
 * Re-routing after `/component`, `/tier`, `/impact` or `/escalate`, as triage routes: the component's
 * SUPPORT_OWNERS owners, the member with the fewest open support issues assigned.
 */
import type { TicketState } from "../core/commands/index.js";
import type { Config } from "../core/config/index.js";
import { findComponent } from "../core/config/model.js";
import { chooseAssignee } from "../core/routing/route.js";
import { type Owner, formatOwner, ownersOf } from "../core/routing/support-owners.js";
import type { RoutingResult } from "../core/text/command-replies.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { readSupportOwners } from "../github/repository-files.js";
import { readAssignmentCandidates } from "../github/teams.js";

export interface Reroute {
  /** The assignees to set, when they change. */
  assignees?: string[];
  /** The person chosen, to check against GitHub's answer (it drops people without write access). */
  chosen?: string;
  /** The owners as handles, asked to pick the ticket up when GitHub drops the chosen person. */
  owners: string[];
  routing: RoutingResult;
}

/** The owners change with the component; entering L3 hands the ticket to them (seed D5.3: L3 is the owners'). */
export function needsReroute(before: TicketState, after: TicketState): boolean {
  if (!after.component || !after.tier || after.isOutOfScope) return false;
  return after.component !== before.component || (after.tier === "L3" && before.tier !== "L3");
}

export async function reroute(octokit: Octokit, repo: RepoRef, config: Config, before: TicketState, after: TicketState, currentAssignees: string[]): Promise<Reroute> {
  const rules = await readSupportOwners(octokit, repo, config);
  if (!rules.ok) return { owners: [], routing: { mentions: [], unreadableTeams: [], problems: rules.problems } };
  const component = findComponent(config, after.component!);
  // A component label the configuration no longer knows (removed, or set by hand): nobody to route to.
  if (!component) {
    const problem = { where: "component", message: `"${after.component}" is not a configured component; set one with /component <id>` };
    return { owners: [], routing: { mentions: [], unreadableTeams: [], problems: [problem] } };
  }
  const listed = ownersOf(rules.value, component.id);
  const owners: Owner[] = listed.length > 0 ? listed : component.owners.map((p) => ({ kind: "team", org: repo.owner, slug: config.partners[p]!.team }));
  const { candidates, unreadableTeams } = await readAssignmentCandidates(octokit, repo, owners);
  const isEscalation = after.tier === "L3" && before.tier !== "L3";
  const handles = owners.map(formatOwner);
  const routing: RoutingResult = { mentions: isEscalation ? handles : [], unreadableTeams, problems: [] };

  // Entering L3 with the same component keeps an owner who already has it.
  const keeps = after.component === before.component && currentAssignees.some((a) => candidates.some((c) => c.login.toLowerCase() === a.toLowerCase()));
  if (keeps) return { owners: handles, routing };
  const chosen = chooseAssignee(candidates);
  if (!chosen) return { owners: handles, routing: { ...routing, mentions: handles } };
  return { assignees: [chosen], chosen, owners: handles, routing };
}

/** GitHub's answer to the update says who really is assigned. */
export function withAppliedAssignees(reroute: Reroute, assigned: string[]): RoutingResult {
  const { routing, chosen, owners } = reroute;
  if (!chosen) return routing;
  if (assigned.includes(chosen)) return { ...routing, assignee: chosen };
  return { ...routing, droppedAssignee: chosen, mentions: [...new Set([...routing.mentions, ...owners])] };
}
