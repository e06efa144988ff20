/**
 * The other scheduled jobs on the command line against the loopback fake: `report` prints the
 * year's figures in markdown or JSON, `dashboard` creates and then edits one issue, `board` without
 * a configured board does nothing and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { runCli } from "./cli-process.js";

describe("duet-support report, dashboard and board", () => {
  let fake: FakeGitHub;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
    fake.addTeam("duet", "duet-atc", ["desk-anna"]);
    const labels = ["tier: L1", "impact: low", "component: api-gateway", "partner: ATC"];
    const issue = fake.addIssue("duet", "support", { title: "Gateway 502", user: "reporter", labels, created_at: "2026-03-02T08:00:00Z" });
    for (const label of labels) fake.addEvent("duet", "support", issue.number, { event: "labeled", label, actor: "duet-support[bot]", created_at: "2026-03-02T08:00:00Z" });
    fake.addComment("duet", "support", issue.number, { user: "desk-anna", body: "Restarted the gateway.", created_at: "2026-03-02T09:00:00Z", author_association: "MEMBER" });
    env = { GITHUB_TOKEN: "ghs_workflow", GITHUB_API_URL: fake.url };
  }, 30_000);

  afterAll(async () => {
    await fake?.close();
  });

  it("report --format json prints the year's figures", async () => {
    const run = await runCli(["report", "--repo", "duet/support", "--year", "2026", "--format", "json"], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(JSON.stringify(report)).toContain('"L1"');
    expect(run.stderr).toMatch(/report read 1 page\(s\) of issues in \d+ GitHub request/);
  });

  it("report prints markdown with Mermaid charts by default", async () => {
    const run = await runCli(["report", "--repo", "duet/support", "--year", "2026"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("```mermaid");
  });

  it.each([
    { args: ["report", "--repo", "duet/support", "--format", "pdf"], stderr: "--format: expected md or json" },
    { args: ["report", "--repo", "duet/support", "--year", "26"], stderr: "--year: expected a four-digit year" },
  ])("report exits 2 on $stderr", async ({ args, stderr }) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(stderr);
  });

  it("dashboard creates the issue once and then edits it in place", async () => {
    const first = await runCli(["dashboard", "--repo", "duet/support"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/created dashboard issue #(\d+)/);
    const number = Number(/#(\d+)/.exec(first.stdout)![1]);
    const second = await runCli(["dashboard", "--repo", "duet/support"], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`updated dashboard issue #${number}`);
    expect(fake.state.requireRepo("duet", "support").issues.filter((i) => i.title === fake.state.requireIssue("duet", "support", number).title)).toHaveLength(1);
  });

  it("board without a configured board does nothing and says so", async () => {
    fake.clearRequests();
    const run = await runCli(["board", "--repo", "duet/support"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no board is configured");
    expect(fake.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("graphql"))).toEqual([]);
  });
});
