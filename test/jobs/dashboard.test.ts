import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LABELS } from "../../src/core/config/labels.js";
import { renderMarker } from "../../src/core/text/markers.js";
import { updateDashboard } from "../../src/jobs/dashboard.js";
import { isAppOwnIssue } from "../../src/handlers/guards.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { octokitFor } from "../fake-github/octokit.js";

const repo = { owner: "duet", repo: "support" };
const MONDAY = new Date("2026-11-16T06:00:00Z"); // the weekly run
const MARKER = renderMarker({ kind: "reply", key: "dashboard" });

let fake: FakeGitHub;

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.setNow(MONDAY);
  fake.addRepo(repo.owner, repo.repo);
  openTicket("Map is blank", "2026-11-10T08:00:00Z");
});
afterEach(() => fake.close());

function openTicket(title: string, createdAt: string) {
  const issue = fake.addIssue(repo.owner, repo.repo, { title, user: "city-maria", created_at: createdAt, labels: [LABELS.tier("L1")] });
  fake.addEvent(repo.owner, repo.repo, issue.number, { event: "labeled", label: LABELS.tier("L1"), actor: "duet-support[bot]", created_at: createdAt });
  return issue;
}

const run = (options: { now?: Date; dryRun?: boolean } = {}) =>
  updateDashboard({ octokit: octokitFor(fake.url), repo, now: options.now ?? MONDAY, ...(options.dryRun && { dryRun: true }) });

const issueWrites = () => fake.requests.filter((r) => r.method !== "GET" && r.path.startsWith("/repos/"));
const pinMutations = () => fake.requests.filter((r) => r.path === "/graphql" && JSON.stringify(r.body).includes("pinIssue"));
const dashboards = () => fake.state.requireRepo(repo.owner, repo.repo).issues.filter((i) => i.title === "Support dashboard");

describe("the weekly support dashboard", () => {
  it("first run: creates one issue with this year's report and pins it", async () => {
    const result = await run();
    expect(result).toMatchObject({ ok: true, created: true, pinned: true });
    if (!result.ok) return;
    const issue = fake.requireIssue(repo.owner, repo.repo, result.issueNumber);
    expect(issue.title).toBe("Support dashboard");
    expect(issue.body?.startsWith(MARKER)).toBe(true);
    expect(issue.body).toContain("# Support report 2026");
    expect(issue.body).toContain("**1 ticket");
    expect(fake.state.requireRepo(repo.owner, repo.repo).pinned).toEqual([result.issueNumber]);
    expect(issueWrites().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/duet/support/issues"]);
    expect(pinMutations()).toHaveLength(1);
  });

  it("second run: edits the same issue in place; nothing new is created or pinned", async () => {
    const first = await run();
    openTicket("Noise map missing", "2026-11-20T08:00:00Z");
    fake.clearRequests();
    const second = await run({ now: new Date("2026-11-23T06:00:00Z") });

    expect(second).toMatchObject({ ok: true, created: false, issueNumber: first.ok && first.issueNumber });
    expect(issueWrites().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/duet/support/issues/${first.ok && first.issueNumber}`]);
    expect(pinMutations()).toEqual([]);
    expect(dashboards()).toHaveLength(1);
    // The new week's figures, and the dashboard itself is not counted as a ticket.
    expect(dashboards()[0]?.body).toContain("**2 tickets**");
  });

  it("finds the dashboard by its title when the desk has unpinned it, and does not pin it again", async () => {
    const first = await run();
    fake.state.requireRepo(repo.owner, repo.repo).pinned.length = 0;
    fake.clearRequests();
    const second = await run();
    expect(second).toMatchObject({ ok: true, created: false, pinned: false, issueNumber: first.ok && first.issueNumber });
    expect(issueWrites().map((r) => r.method)).toEqual(["PATCH"]);
    expect(pinMutations()).toEqual([]);
  });

  it("still creates the dashboard when three issues are pinned already, and edits it the week after", async () => {
    for (const n of [1, 2, 3]) fake.pinIssue(repo.owner, repo.repo, openTicket(`Pinned ${n}`, "2026-11-11T08:00:00Z").number);
    const first = await run();
    expect(first).toMatchObject({ ok: true, created: true, pinned: false });
    expect(first.ok && first.pinRefused).toMatch(/3 pinned/);
    fake.clearRequests();
    const second = await run();
    expect(second).toMatchObject({ ok: true, created: false, issueNumber: first.ok && first.issueNumber });
    expect(dashboards()).toHaveLength(1);
  });

  it.each([
    { description: "a person's issue carrying the marker", user: "city-maria", body: `${MARKER}\nmine now` },
    { description: "a web-form issue (the app's bot) quoting the marker inside its text", user: "duet-support[bot]", body: `### What happened\n\n\`\`\`\n${MARKER}\n\`\`\`` },
    { description: "a closed dashboard", user: "duet-support[bot]", body: `${MARKER}\nold`, state: "closed" as const },
  ])("never takes over $description", async ({ user, body, state }) => {
    const decoy = fake.addIssue(repo.owner, repo.repo, { title: "Support dashboard", user, body, ...(state && { state }) });
    fake.pinIssue(repo.owner, repo.repo, decoy.number);
    const result = await run();
    expect(result).toMatchObject({ ok: true, created: true });
    expect(result.ok && result.issueNumber).not.toBe(decoy.number);
    expect(fake.requireIssue(repo.owner, repo.repo, decoy.number).body).toBe(body);
  });

  it("dry run: reads and renders, writes nothing", async () => {
    const result = await run({ dryRun: true });
    expect(result).toMatchObject({ ok: true, created: false, issueNumber: 0 });
    expect(result.ok && result.body).toContain("# Support report 2026");
    expect(issueWrites()).toEqual([]);
    expect(fake.requests.filter((r) => r.path === "/graphql" && JSON.stringify(r.body).includes("mutation"))).toEqual([]);
  });

  it("opens its body with the marker the issue handlers skip, so the dashboard is never triaged", async () => {
    const result = await run();
    expect(isAppOwnIssue(result.ok ? result.body : "")).toBe(true);
  });

  it("answers an invalid configuration with problems and writes nothing", async () => {
    fake.setFile(repo.owner, repo.repo, ".github/duet-support.yml", "reportYearStrat: 01-01\n");
    const result = await run();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.where).toContain("reportYearStrat");
    expect(issueWrites()).toEqual([]);
  });
});
