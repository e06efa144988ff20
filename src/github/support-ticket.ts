/**
 * One ticket's history in ONE GraphQL query (the single-issue variant of support-tickets.ts):
 * labels, assignees and the timeline the clocks read, plus the app's own comments and markers.
 */
import { asUnavailable } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";
import { type GqlIssue, TICKET_FIELDS, type TicketSnapshot, toSnapshot, withWholeTimeline } from "./support-tickets.js";


export const TICKET_QUERY = /* GraphQL */ `
  query SupportTicket($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) { ...TicketFields }
    }
  }
  ${TICKET_FIELDS}
`;

/** The ticket as the clocks and the resolution summary read it; undefined when GitHub has no such issue. */
export async function readSupportTicket(octokit: Octokit, repo: RepoRef, number: number): Promise<TicketSnapshot | undefined> {
  let data: { repository: { issue: GqlIssue | null } | null };
  try {
    data = await octokit.graphql(TICKET_QUERY, { owner: repo.owner, name: repo.repo, number });
  } catch (error) {
    throw asUnavailable(error, `reading issue #${number}`);
  }
  const issue = data.repository?.issue;
  return issue ? toSnapshot(await withWholeTimeline(octokit, repo, issue)) : undefined;
}
