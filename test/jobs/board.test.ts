import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/core/config/index.js";
import { BoardCache, type BoardLog } from "../../src/github/board.js";
import { syncTicket } from "../../src/github/board-items.js";
import { backfillBoard } from "../../src/jobs/board.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { octokitFor } from "../fake-github/octokit.js";
import { type FakeProject, projectsOf } from "../fake-github/graphql/project-v2-state.js";

const NOW = new Date("2026-11-26T10:00:00Z"); // a Thursday
const config = { ...defaultConfig(), board: { owner: "duet", number: 1 } };
const repo = { owner: "duet", repo: "support" };
let fake: FakeGitHub;
let project: FakeProject;
let logged: string[];
const log: BoardLog = { info: (_f, m) => logged.push(m), warn: (_f, m) => logged.push(m) };

/** A ticket as triage leaves it: labels on the issue and the labelled events the clocks replay. */
function ticket(title: string, labels: string[], options: { state?: "open" | "closed" } = {}) {
  const issue = fake.addIssue("duet", "support", { title, labels, user: "reporter", created_at: "2026-11-26T08:00:00Z", ...options });
  for (const label of labels) fake.addEvent("duet", "support", issue.number, { event: "labeled", label, actor: "duet-support[bot]", created_at: "2026-11-26T08:01:00Z" });
  return issue;
}

/** The board as a person sees it: issue number → field name → shown value. */
function shown(p: FakeProject): Record<number, Record<string, string>> {
  const out: Record<number, Record<string, string>> = {};
  for (const item of p.items) {
    const row: Record<string, string> = {};
    for (const field of p.fields) {
      const value = item.values.get(field.id);
      if (!value) continue;
      row[field.name] = "optionId" in value ? field.options.find((o) => o.id === value.optionId)!.name : "text" in value ? value.text : "date" in value ? value.date : String(value.number);
    }
    out[item.issue.number] = row;
  }
  return out;
}

const mutations = () => fake.requests.filter((r) => /^\s*mutation/.test((r.body as { query?: string })?.query ?? "")).length;
const run = (dryRun = false) => backfillBoard({ octokit: octokitFor(fake.url), repo, config, dryRun, now: NOW, log });

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRepo("duet", "support");
  project = projectsOf(fake.state).add("duet", 1, { title: "ATC support" });
  logged = [];
});
afterEach(() => fake.close());

describe("duet-support board: back-fill and repair against the loopback fake", () => {
  it("first run creates the fields and adds every triaged ticket; a second run makes no mutation", async () => {
    ticket("Broker down", ["tier: L3", "impact: high", "component: message-broker", "partner: ATC"]);
    ticket("Question on the map", ["tier: L1", "impact: low", "component: cesiumjs", "partner: VCS"]);
    ticket("Old one", ["tier: L1", "impact: low"], { state: "closed" });
    fake.addIssue("duet", "support", { title: "Not triaged yet" });

    const first = await run();
    expect(first.ok && first.value).toMatchObject({ issues: 4, items: 0, added: 3, updated: 0, unchanged: 0 });
    expect(logged).toEqual(expect.arrayContaining(['board: created field "Tier" (single select L1, L2, L3)', 'board: created field "Response due" (date)']));
    expect(shown(project)).toEqual({
      1: { Tier: "L3", Impact: "high", Component: "message-broker", Partner: "ATC", "SLA state": "on track", "Response due": "2026-11-30" }, // 16 working hours in Athens
      2: { Tier: "L1", Impact: "low", Component: "cesiumjs", Partner: "VCS", "SLA state": "on track", "Response due": "2026-11-26" },
      3: { Tier: "L1", Impact: "low", "SLA state": "closed" },
    });

    fake.clearRequests();
    const second = await run();
    expect(second.ok && second.value).toMatchObject({ items: 3, added: 0, updated: 0, unchanged: 3, mutations: 0 });
    expect(mutations()).toBe(0);
  });

  it("repairs a card whose labels changed with one batched request", async () => {
    ticket("Broker down", ["tier: L2", "impact: medium"]);
    ticket("Other", ["tier: L1", "impact: low"]);
    await run();
    const issue = fake.requireIssue("duet", "support", 1);
    issue.labels = ["tier: L3", "impact: high"];
    fake.addEvent("duet", "support", 1, { event: "labeled", label: "tier: L3", actor: "alice", created_at: "2026-11-26T09:00:00Z" });
    fake.clearRequests();

    const repair = await run();
    expect(repair.ok && repair.value).toMatchObject({ updated: 1, unchanged: 1, mutations: 1 });
    expect(shown(project)[1]).toMatchObject({ Tier: "L3", Impact: "high" });
  });

  it("a dry run writes nothing and returns the plan", async () => {
    ticket("Broker down", ["tier: L1"]);
    const result = await run(true);
    expect(result.ok && result.value).toMatchObject({ dryRun: true, added: 1, mutations: 0, plan: { add: [{ number: 1 }] } });
    expect(result.ok && result.value.setUp).toHaveLength(6);
    expect(mutations()).toBe(0);
    expect(project.items).toHaveLength(0);
  });

  it("leaves other repositories' cards on a shared board alone", async () => {
    fake.addRepo("duet", "other");
    const foreign = fake.addIssue("duet", "other", { title: "elsewhere", labels: ["tier: L1"] });
    projectsOf(fake.state).addItem(project, foreign.node_id);
    ticket("Ours", ["tier: L1"]);
    const result = await run();
    expect(result.ok && result.value).toMatchObject({ items: 0, added: 1 });
    expect(project.items.find((i) => i.issue === foreign)?.values.size).toBe(0);
  });

  it("a board the app may not use is a problem to report, not a crash", async () => {
    project.access = "none";
    ticket("Broker down", ["tier: L1"]);
    const result = await run();
    expect(result).toMatchObject({ ok: false, problems: [{ where: "board duet/1", message: expect.stringContaining("Organization projects permission") as string }] });
  });
});

describe("a change on one ticket, against the loopback fake", () => {
  it("reads the card through Issue.projectItems and writes only what changed", async () => {
    ticket("Broker down", ["tier: L2", "impact: medium"]);
    await run();
    const cache = new BoardCache();
    const wanted = { tier: "L3" as const, impact: "medium" as const, component: null, partner: null, slaState: "on track" as const, responseDue: "2026-11-30" };
    fake.clearRequests();
    const result = await syncTicket(octokitFor(fake.url), cache, config.board, { ...repo, issue_number: 1 }, wanted, log);
    expect(result).toMatchObject({ ok: true, added: false, changes: [{ key: "tier" }, { key: "responseDue" }] });
    expect(mutations()).toBe(1);
    expect(shown(project)[1]).toMatchObject({ Tier: "L3", "Response due": "2026-11-30" });

    fake.clearRequests();
    await syncTicket(octokitFor(fake.url), cache, config.board, { ...repo, issue_number: 1 }, wanted, log);
    expect(mutations()).toBe(0);
  });
});
