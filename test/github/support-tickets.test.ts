/**
 * Reading tickets a page at a time from the loopback fake (GraphQL validated against GitHub's schema):
 * reads grow with pages of issues, and a timeline longer than 100 events is read whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSupportTicket } from "../../src/github/support-ticket.js";
import { readTicketPages } from "../../src/github/support-tickets.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { octokitFor } from "../fake-github/octokit.js";

const REPO = { owner: "duet", repo: "support" };

describe("reading support tickets", () => {
  let fake: FakeGitHub;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
    for (let i = 0; i < 250; i++) fake.addIssue("duet", "support", { title: `Ticket ${i}`, user: "reporter", labels: ["tier: L1"], created_at: new Date(Date.UTC(2026, 10, 2, 9, i)) });
    // Issue 1 has a long discussion: 130 comments, the desk's answer last.
    for (let i = 0; i < 129; i++) fake.addComment("duet", "support", 1, { user: "reporter", body: `Still broken (${i})`, created_at: new Date(Date.UTC(2026, 10, 2, 10, i)) });
    fake.addComment("duet", "support", 1, { user: "desk-anna", body: "Fixed: the broker is back.", created_at: new Date(Date.UTC(2026, 10, 3, 9)), author_association: "MEMBER" });
  });

  afterAll(async () => {
    await fake?.close();
  });

  it("reads 250 issues in 3 page requests, plus 1 for the one long timeline", async () => {
    const octokit = octokitFor(fake.url);
    fake.clearRequests();
    const numbers: number[] = [];
    for await (const page of readTicketPages(octokit, REPO)) numbers.push(...page.map((t) => t.number));
    expect(numbers).toHaveLength(250);
    expect(new Set(numbers).size).toBe(250);
    expect(fake.requests.filter((r) => r.path.endsWith("graphql"))).toHaveLength(4);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
  });

  it("a timeline of more than 100 events is read to its end, in pages and as a single ticket", async () => {
    const octokit = octokitFor(fake.url);
    let first: Awaited<ReturnType<typeof readSupportTicket>>;
    for await (const page of readTicketPages(octokit, REPO, { pageSize: 10 })) {
      first = page.find((t) => t.number === 1);
      if (first) break;
    }
    const single = await readSupportTicket(octokit, REPO, 1);
    for (const ticket of [first!, single!]) {
      const comments = ticket.history.events.filter((e) => e.kind === "comment");
      expect(comments).toHaveLength(130);
      expect(comments.at(-1)).toMatchObject({ kind: "comment", author: { login: "desk-anna", hasWriteAccess: true } });
    }
  });
});
