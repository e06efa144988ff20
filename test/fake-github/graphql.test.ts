import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./index.js";
import { octokitFor } from "./octokit.js";

let fake: FakeGitHub;
let octokit: ReturnType<typeof octokitFor>;

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRepo("duet", "support");
  octokit = octokitFor(fake.url);
});
afterEach(() => fake.close());

const PAGE_QUERY = `
  query Page($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      issues(first: 2, after: $after, states: [OPEN]) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          number title state stateReason createdAt url
          author { login __typename }
          authorAssociation
          labels(first: 20) { nodes { name } }
          assignees(first: 10) { nodes { login } }
          comments(last: 1) { totalCount nodes { databaseId body author { login __typename } } }
          timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, ISSUE_COMMENT, ASSIGNED_EVENT]) {
            totalCount
            nodes {
              __typename
              ... on LabeledEvent { createdAt actor { login __typename } label { name } }
              ... on ClosedEvent { createdAt actor { login } stateReason }
              ... on AssignedEvent { createdAt assignee { ... on User { login } } }
              ... on IssueComment { createdAt author { login } }
            }
          }
        }
      }
    }
  }`;

interface PageResult {
  repository: {
    issues: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: { number: number; timelineItems: { nodes: { __typename: string }[] } }[];
    };
  };
}

describe("GraphQL issues", () => {
  it("pages open issues with their timeline items, oldest first", async () => {
    for (const day of [1, 2, 3]) {
      fake.addIssue("duet", "support", { title: `issue ${day}`, user: "reporter", created_at: `2026-03-0${day}T08:00:00Z` });
    }
    fake.addIssue("duet", "support", { title: "closed", state: "closed" });
    fake.addEvent("duet", "support", 1, { event: "labeled", label: "tier: L1", actor: "duet-support[bot]", created_at: "2026-03-01T08:01:00Z" });
    fake.addComment("duet", "support", 1, { user: "alice", body: "On it", created_at: "2026-03-01T09:00:00Z", author_association: "MEMBER" });
    fake.addEvent("duet", "support", 1, { event: "assigned", assignee: "alice", actor: "alice", created_at: "2026-03-01T08:30:00Z" });

    const first = await octokit.graphql<PageResult>(PAGE_QUERY, { owner: "duet", name: "support" });
    const page = first.repository.issues;
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes.map((issue) => issue.number)).toEqual([1, 2]);
    expect(page.nodes[0]).toMatchObject({
      state: "OPEN",
      stateReason: null,
      author: { login: "reporter", __typename: "User" },
      url: `${fake.url}/duet/support/issues/1`,
      comments: { totalCount: 1, nodes: [{ body: "On it", author: { login: "alice", __typename: "User" } }] },
      timelineItems: {
        totalCount: 3,
        nodes: [
          // GitHub's GraphQL names bots without the [bot] suffix.
          { __typename: "LabeledEvent", actor: { login: "duet-support", __typename: "Bot" }, label: { name: "tier: L1" } },
          { __typename: "AssignedEvent", assignee: { login: "alice" } },
          { __typename: "IssueComment", author: { login: "alice" } },
        ],
      },
    });

    const second = await octokit.graphql<PageResult>(PAGE_QUERY, { owner: "duet", name: "support", after: page.pageInfo.endCursor });
    expect(second.repository.issues.nodes.map((issue) => issue.number)).toEqual([3]);
    expect(second.repository.issues.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ["closed issues", "states: [CLOSED]", [3]],
    ["any of the labels", 'labels: ["tier: L1", "tier: L2"]', [1, 2]],
    ["updated since a date", 'filterBy: { since: "2026-03-02T00:00:00Z" }', [2, 3]],
    ["newest update first", "orderBy: { field: UPDATED_AT, direction: DESC }", [3, 2, 1]],
  ])("filters repository.issues: %s", async (_description, filter, numbers) => {
    fake.addIssue("duet", "support", { title: "a", labels: ["tier: L1"], created_at: "2026-03-01T00:00:00Z" });
    fake.addIssue("duet", "support", { title: "b", labels: ["tier: L2"], created_at: "2026-03-02T00:00:00Z" });
    fake.addIssue("duet", "support", { title: "c", state: "closed", created_at: "2026-03-03T00:00:00Z" });
    const result = await octokit.graphql<{ repository: { issues: { nodes: { number: number }[] } } }>(
      `{ repository(owner: "duet", name: "support") { issues(first: 10, ${filter}) { nodes { number } } } }`,
    );
    expect(result.repository.issues.nodes.map((issue) => issue.number)).toEqual(numbers);
  });

  it("reads one issue, the pinned issues, the close reason, viewer and rate limit", async () => {
    fake.addIssue("duet", "support", { title: "FAQ", state: "closed", state_reason: "not_planned" });
    fake.pinIssue("duet", "support", 1);
    const result = await octokit.graphql(`{
      repository(owner: "duet", name: "support") {
        issue(number: 1) { title state stateReason closedAt }
        pinnedIssues(first: 3) { nodes { issue { number } } }
      }
      viewer { login }
      rateLimit { cost remaining resetAt }
    }`);
    expect(result).toMatchObject({
      repository: { issue: { title: "FAQ", state: "CLOSED", stateReason: "NOT_PLANNED" }, pinnedIssues: { nodes: [{ issue: { number: 1 } }] } },
      viewer: { login: "duet-support[bot]" },
      rateLimit: { cost: 1, remaining: expect.any(Number) as number },
    });
  });

  it("serves GraphQL at /api/graphql for a client based at /api/v3", async () => {
    const enterprise = octokitFor(`${fake.url}/api/v3`);
    await expect(enterprise.graphql("{ viewer { login } }")).resolves.toEqual({ viewer: { login: "duet-support[bot]" } });
    expect(fake.requests.at(-1)).toMatchObject({ path: "/graphql", url: "/api/graphql" });
  });
});

describe("GraphQL errors, as GitHub answers them", () => {
  async function rawQuery(query: string) {
    const response = await fetch(`${fake.url}/graphql`, { method: "POST", body: JSON.stringify({ query }), headers: { authorization: "token t" } });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; type?: string; locations?: unknown }[] } };
  }

  it("rejects a misspelt field with a validation error and status 200", async () => {
    const { status, body } = await rawQuery('{ repository(owner: "duet", name: "support") { issuez(first: 1) { totalCount } } }');
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringContaining('Cannot query field "issuez"') as string, locations: [{ line: 1, column: 48 }] });
    await expect(octokit.graphql("{ viewer { logn } }")).rejects.toMatchObject({ name: "GraphqlResponseError" });
  });

  it.each([
    ["more than 100 records", "issues(first: 101)", "EXCESSIVE_PAGINATION"],
    ["no first or last", "issues", "MISSING_PAGINATION_BOUNDARIES"],
    ["a cursor it never issued", 'issues(first: 1, after: "bm9wZQ==")', "INVALID_CURSOR_ARGUMENTS"],
  ])("refuses a page of %s", async (_description, field, type) => {
    const { body } = await rawQuery(`{ repository(owner: "duet", name: "support") { ${field} { totalCount } } }`);
    expect(body.errors?.[0]).toMatchObject({ type });
  });

  it("answers NOT_FOUND with a null repository when it does not exist", async () => {
    const { body } = await rawQuery('{ repository(owner: "duet", name: "nope") { id } }');
    expect(body).toMatchObject({ data: { repository: null }, errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository with the name 'duet/nope'." }] });
  });
});
