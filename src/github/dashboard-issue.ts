/**
 * The one "Support dashboard" issue of a repository: found with one GraphQL request (the pinned
 * issues, and a title search in case someone unpinned it), created and pinned once, then edited in place.
 */
import { asUnavailable } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";

export const DASHBOARD_TITLE = "Support dashboard";

export interface DashboardIssue {
  number: number;
  nodeId: string;
  isPinned: boolean;
}

const FIND_QUERY = /* GraphQL */ `
  query DashboardIssue($owner: String!, $name: String!, $search: String!) {
    repository(owner: $owner, name: $name) {
      pinnedIssues(first: 10) { nodes { issue { ...DashboardCandidate } } }
    }
    search(query: $search, type: ISSUE, first: 20) { nodes { ... on Issue { ...DashboardCandidate } } }
  }
  fragment DashboardCandidate on Issue {
    id
    number
    state
    body
    author { __typename }
    repository { nameWithOwner }
  }
`;

interface Candidate {
  id: string;
  number: number;
  state: "OPEN" | "CLOSED";
  body: string;
  author: { __typename: string } | null;
  repository: { nameWithOwner: string };
}

interface FindAnswer {
  repository: { pinnedIssues: { nodes: { issue: Candidate }[] } } | null;
  search: { nodes: (Candidate | Record<string, never>)[] };
}

/**
 * The open dashboard issue, or undefined. `isDashboardBody` recognises the app's hidden marker;
 * only issues a bot opened count, so a reporter cannot make their issue the dashboard.
 */
export async function findDashboardIssue(octokit: Octokit, repo: RepoRef, isDashboardBody: (body: string) => boolean): Promise<DashboardIssue | undefined> {
  let answer: FindAnswer;
  try {
    answer = await octokit.graphql<FindAnswer>(FIND_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      search: `repo:${repo.owner}/${repo.repo} is:issue is:open in:title "${DASHBOARD_TITLE}"`,
    });
  } catch (error) {
    throw asUnavailable(error, "finding the dashboard issue");
  }
  const fullName = `${repo.owner}/${repo.repo}`.toLowerCase();
  const isDashboard = (c: Candidate) =>
    c.state === "OPEN" &&
    c.author?.__typename === "Bot" &&
    c.repository.nameWithOwner.toLowerCase() === fullName &&
    isDashboardBody(c.body);
  const pinned = (answer.repository?.pinnedIssues.nodes ?? []).map((n) => n.issue).filter(isDashboard);
  const searched = answer.search.nodes.filter((n): n is Candidate => "number" in n).filter(isDashboard);
  // The oldest wins, so a duplicate made by a race never takes over from the original.
  const oldest = (list: Candidate[]) => [...list].sort((a, b) => a.number - b.number)[0];
  const found = oldest(pinned) ?? oldest(searched);
  return found && { number: found.number, nodeId: found.id, isPinned: pinned.includes(found) };
}

export async function createDashboardIssue(octokit: Octokit, repo: RepoRef, body: string): Promise<DashboardIssue> {
  try {
    const { data } = await octokit.rest.issues.create({ ...repo, title: DASHBOARD_TITLE, body });
    return { number: data.number, nodeId: data.node_id, isPinned: false };
  } catch (error) {
    throw asUnavailable(error, "creating the dashboard issue");
  }
}

export async function editDashboardIssue(octokit: Octokit, repo: RepoRef, issueNumber: number, body: string): Promise<void> {
  try {
    await octokit.rest.issues.update({ ...repo, issue_number: issueNumber, body });
  } catch (error) {
    throw asUnavailable(error, `editing the dashboard issue #${issueNumber}`);
  }
}

const PIN_MUTATION = /* GraphQL */ `
  mutation PinDashboard($issueId: ID!) {
    pinIssue(input: { issueId: $issueId }) { issue { number } }
  }
`;

export type PinOutcome = { pinned: true } | { pinned: false; reason: string };

/**
 * Pins the issue. GitHub refusing (three issues pinned already, a token without the right) is an
 * answer: the issue is still found by its title next time. An outage is GitHubUnavailable.
 */
export async function pinIssue(octokit: Octokit, issue: DashboardIssue): Promise<PinOutcome> {
  try {
    await octokit.graphql(PIN_MUTATION, { issueId: issue.nodeId });
    return { pinned: true };
  } catch (error) {
    const errors = (error as { errors?: { message?: string }[] } | null)?.errors;
    if (Array.isArray(errors)) return { pinned: false, reason: errors.map((e) => e.message ?? "refused").join("; ") };
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 403 || status === 422) return { pinned: false, reason: String((error as Error).message) };
    throw asUnavailable(error, `pinning the dashboard issue #${issue.number}`);
  }
}
