import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./index.js";
import { octokitFor } from "./octokit.js";

let fake: FakeGitHub;
let octokit: ReturnType<typeof octokitFor>;
const repo = { owner: "duet", repo: "support" };

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRepo("duet", "support");
  fake.setNow("2026-03-02T10:00:00Z");
  octokit = octokitFor(fake.url);
});
afterEach(() => fake.close());

describe("issues over REST", () => {
  it("creates an issue whose unknown labels are created with GitHub's default colour", async () => {
    const { data, status } = await octokit.rest.issues.create({ ...repo, title: "Map is blank", body: "since 9:00", labels: ["tier: L1"] });
    expect(status).toBe(201);
    expect(data).toMatchObject({
      number: 1,
      state: "open",
      title: "Map is blank",
      user: { login: "duet-support[bot]", type: "Bot" },
      labels: [{ name: "tier: L1", color: "ededed" }],
      created_at: "2026-03-02T10:00:00Z",
      html_url: `${fake.url}/duet/support/issues/1`,
    });
    expect(fake.state.requireRepo("duet", "support").labels.get("tier: l1")?.color).toBe("ededed");
    expect(fake.requireIssue("duet", "support", 1).events.map((event) => event.event)).toEqual(["labeled"]);
  });

  it.each([
    ["a missing title", { body: "no title" }, "title"],
    ["a label name over 50 characters", { title: "t", labels: ["x".repeat(51)] }, "name"],
    ["an unknown state", { title: "t", state: "pending" }, "state"],
  ])("answers 422 Validation Failed for %s", async (_description, body, field) => {
    const error = await octokit.request("POST /repos/{owner}/{repo}/issues", { ...repo, ...body } as never).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422, response: { data: { message: "Validation Failed", errors: [{ field }] } } });
  });

  it("records label, state and assignee changes as events by the caller at fake.now()", async () => {
    fake.addIssue("duet", "support", { title: "Broker down", user: "reporter" });
    fake.setPermission("duet", "support", "alice", "write");
    await octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ["impact: high"] });
    fake.setNow("2026-03-02T11:00:00Z");
    await octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: "impact: high" });
    await octokit.rest.issues.update({ ...repo, issue_number: 1, state: "closed", state_reason: "not_planned", assignees: ["alice"] });
    await octokit.rest.issues.update({ ...repo, issue_number: 1, state: "open" });
    const { data: events } = await octokit.rest.issues.listEvents({ ...repo, issue_number: 1 });
    expect(events.map((event) => [event.event, event.actor?.login, event.created_at])).toEqual([
      ["labeled", "duet-support[bot]", "2026-03-02T10:00:00Z"],
      ["unlabeled", "duet-support[bot]", "2026-03-02T11:00:00Z"],
      ["assigned", "duet-support[bot]", "2026-03-02T11:00:00Z"],
      ["closed", "duet-support[bot]", "2026-03-02T11:00:00Z"],
      ["reopened", "duet-support[bot]", "2026-03-02T11:00:00Z"],
    ]);
    expect(events[3]).toMatchObject({ state_reason: "not_planned" });
    expect(fake.requireIssue("duet", "support", 1)).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null });
  });

  it("silently drops assignees without write access, as GitHub does", async () => {
    fake.addIssue("duet", "support", { title: "Broker down" });
    fake.setPermission("duet", "support", "alice", "write");
    fake.setPermission("duet", "support", "bob", "read");
    const { data } = await octokit.rest.issues.update({ ...repo, issue_number: 1, assignees: ["alice", "bob", "nobody-known"] });
    expect(data.assignees?.map((user) => user.login)).toEqual(["alice"]);
    const { data: added } = await octokit.rest.issues.addAssignees({ ...repo, issue_number: 1, assignees: ["bob"] });
    expect(added.assignees?.map((user) => user.login)).toEqual(["alice"]);
  });

  it("replaces the issue's labels with PATCH, creating missing ones", async () => {
    fake.addIssue("duet", "support", { title: "t", labels: ["tier: L1", "impact: low"] });
    const { data } = await octokit.rest.issues.update({ ...repo, issue_number: 1, labels: ["tier: L2", "impact: low"] });
    expect(data.labels.map((label) => (typeof label === "string" ? label : label.name))).toEqual(["impact: low", "tier: L2"]);
    expect(fake.requireIssue("duet", "support", 1).events.map((event) => `${event.event} ${event.label?.name}`)).toEqual([
      "unlabeled tier: L1",
      "labeled tier: L2",
    ]);
  });

  it("pages a listing 100 at a time with Link headers that octokit.paginate follows", async () => {
    for (let i = 1; i <= 250; i++) fake.addIssue("duet", "support", { title: `issue ${i}`, labels: i % 2 ? ["tier: L1"] : [] });
    fake.clearRequests();
    const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: "all", per_page: 100 });
    expect(issues).toHaveLength(250);
    expect(fake.requests.map((request) => request.query.page ?? "1")).toEqual(["1", "2", "3"]);
    const first = await octokit.rest.issues.listForRepo({ ...repo, per_page: 100 });
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('rel="last"');
  });

  it.each([
    ["open issues by default", {}, [3, 1]],
    ["closed issues", { state: "closed" }, [2]],
    ["all labelled tier: L1, oldest first", { state: "all", labels: "tier: L1", direction: "asc" }, [1, 2]],
    ["issues updated since a date", { state: "all", since: "2026-02-02T00:00:00Z" }, [3, 2]],
  ] as const)("filters the listing: %s", async (_description, filters, numbers) => {
    fake.addIssue("duet", "support", { title: "a", labels: ["tier: L1"], created_at: "2026-02-01T00:00:00Z" });
    fake.addIssue("duet", "support", { title: "b", labels: ["tier: L1"], state: "closed", created_at: "2026-02-02T00:00:00Z" });
    fake.addIssue("duet", "support", { title: "c", created_at: "2026-02-03T00:00:00Z" });
    const { data } = await octokit.rest.issues.listForRepo({ ...repo, ...filters });
    expect(data.map((issue) => issue.number)).toEqual(numbers);
  });

  it("adds, edits and lists comments, and shows them in the timeline", async () => {
    fake.addIssue("duet", "support", { title: "t" });
    fake.addEvent("duet", "support", 1, { event: "labeled", label: "tier: L1", actor: "alice", created_at: "2026-03-02T09:00:00Z" });
    const { data: created } = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "Looking into it" });
    expect(created).toMatchObject({ body: "Looking into it", user: { login: "duet-support[bot]" }, created_at: "2026-03-02T10:00:00Z" });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: created.id, body: "Fixed" });
    const { data: comments } = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 });
    expect(comments.map((comment) => comment.body)).toEqual(["Fixed"]);
    const { data: timeline } = await octokit.rest.issues.listEventsForTimeline({ ...repo, issue_number: 1 });
    expect(timeline.map((item) => item.event)).toEqual(["labeled", "commented"]);
  });

  it("answers 404 for an issue that does not exist", async () => {
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 99 })).rejects.toMatchObject({ status: 404 });
  });
});
