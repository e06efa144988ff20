/**
 * `duet-support sweep` as a workflow runs it, against the loopback fake of GitHub: warnings at 75 %,
 * breach notices at 100 %, each once; --dry-run writes nothing; exit codes 0, 1 and 2.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { runCli } from "./cli-process.js";
import { TEST_PRIVATE_KEY } from "./server-process.js";

// Thursday 26 Nov 2026. Athens is UTC+2: 07:00Z is 09:00 there, when the desk opens.
const NOW = "2026-11-26T09:20:00Z"; // 11:20 Athens: 140 working minutes after 09:00
const BOT = "duet-support[bot]";

describe("duet-support sweep", () => {
  let fake: FakeGitHub;
  let env: Record<string, string>;

  function ticket(title: string, createdAt: string, labels: string[], extra: (n: number) => void = () => {}) {
    const issue = fake.addIssue("duet", "support", { title, user: "city-reporter", labels, created_at: createdAt });
    for (const label of labels) fake.addEvent("duet", "support", issue.number, { event: "labeled", label, actor: BOT, created_at: createdAt });
    extra(issue.number);
    return issue.number;
  }

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
    fake.addTeam("duet", "duet-atc", ["desk-anna"]);
    fake.addTeam("duet", "duet-tno", ["tno-tom"]);
    env = { GITHUB_TOKEN: "ghs_workflow", GITHUB_API_URL: fake.url };
  }, 30_000);

  afterAll(async () => {
    await fake?.close();
  });

  it("warns at 75 %, posts a breach at 100 %, leaves answered and paused tickets alone; a second run posts nothing", async () => {
    const l1 = ["tier: L1", "impact: low", "component: message-broker", "partner: ATC"];
    const warned = ticket("Broker slow", "2026-11-26T07:00:00Z", l1);
    const breached = ticket("Broker down", "2026-11-25T13:00:00Z", l1); // 15:00 Athens: 120 min Wed + 140 min Thu
    const answered = ticket("Answered", "2026-11-26T07:00:00Z", l1, (n) =>
      fake.addComment("duet", "support", n, { user: "desk-anna", body: "Looking into it.", created_at: "2026-11-26T07:30:00Z", author_association: "MEMBER" }),
    );
    const paused = ticket("Waiting", "2026-11-25T13:00:00Z", [...l1, "status: needs-info"]);
    const byReporter = ticket("Reporter only", "2026-11-25T13:00:00Z", l1, (n) =>
      fake.addComment("duet", "support", n, { user: "city-reporter", body: "Any news?", created_at: "2026-11-26T07:10:00Z", author_association: "NONE" }),
    );
    fake.addIssue("duet", "support", { title: "Out of scope", labels: ["out-of-scope"], created_at: "2026-11-20T07:00:00Z" });
    fake.clearRequests();

    const first = await runCli(["sweep", "--repo", "duet/support", "--now", NOW], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("posted 1 warning(s) and 2 breach notice(s)");

    const comments = (n: number) => fake.state.requireIssue("duet", "support", n).comments.map((c) => c.body);
    expect(comments(warned)).toHaveLength(1);
    expect(comments(warned)[0]).toContain("Response due soon");
    expect(comments(warned)[0]).toContain("Thu 26 Nov 2026, 12:00 EET (Europe/Athens)");
    expect(fake.state.requireIssue("duet", "support", warned).labels).toContain("sla: warning");
    expect(comments(breached)).toHaveLength(1);
    expect(comments(breached)[0]).toContain("Response target missed");
    expect(comments(breached)[0]).toContain("@duet/duet-atc");
    expect(fake.state.requireIssue("duet", "support", breached).labels).toContain("sla: breached");
    expect(comments(byReporter).filter((b) => b.includes("Response target missed"))).toHaveLength(1); // the reporter's comment is no response
    expect(comments(answered)).toHaveLength(1); // only the desk's own answer
    expect(comments(paused)).toEqual([]);

    fake.clearRequests();
    const second = await runCli(["sweep", "--repo", "duet/support", "--now", NOW], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("posted 0 warning(s) and 0 breach notice(s)");
    expect(fake.requests.filter((r) => r.method !== "GET" && !r.path.endsWith("graphql"))).toEqual([]);
  });

  it("run with a person's token, its own warning is no response: the breach notice still follows", async () => {
    fake.addRepo("duet", "personal");
    fake.addToken("ghp_desk_anna", "desk-anna");
    const labels = ["tier: L1", "impact: low", "component: message-broker", "partner: ATC"];
    const issue = fake.addIssue("duet", "personal", { title: "Broker slow", user: "city-reporter", labels, created_at: "2026-11-26T07:00:00Z" });
    for (const label of labels) fake.addEvent("duet", "personal", issue.number, { event: "labeled", label, actor: BOT, created_at: "2026-11-26T07:00:00Z" });
    const personal = { GITHUB_TOKEN: "ghp_desk_anna", GITHUB_API_URL: fake.url };
    expect((await runCli(["sweep", "--repo", "duet/personal", "--now", NOW], personal)).stdout).toContain("posted 1 warning(s) and 0 breach");
    const later = await runCli(["sweep", "--repo", "duet/personal", "--now", "2026-11-26T10:30:00Z"], personal);
    expect(later.stdout).toContain("posted 0 warning(s) and 1 breach notice(s)");
    expect(fake.state.requireIssue("duet", "personal", issue.number).comments.map((c) => c.user.login)).toEqual(["desk-anna", "desk-anna"]);
    // Only the SLA labels moved: the warning gave way to the breach, the rest stayed.
    expect([...fake.state.requireIssue("duet", "personal", issue.number).labels].sort()).toEqual([...labels, "sla: breached"].sort());
  });

  it("--dry-run prints the table and writes nothing", async () => {
    ticket("Fresh", "2026-11-26T07:00:00Z", ["tier: L3", "impact: high", "component: noise-modeller-athens-flanders", "partner: TNO"]);
    fake.clearRequests();
    const run = await runCli(["sweep", "--repo", "duet/support", "--dry-run", "--now", "2026-11-27T15:00:00Z"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/issue\s+tier\s+assignees\s+elapsed\s+target\s+state/);
    expect(run.stdout).toMatch(/#\d+\s+L3\s+-\s+\S+ h( \d+ min)?\s+16 h\s+warning/);
    expect(run.stdout).toContain("wrote nothing");
    expect(fake.requests.filter((r) => r.method !== "GET" && !(r.path.endsWith("graphql") && !String((r.body as { query?: string }).query).trim().startsWith("mutation")))).toEqual([]);
  });

  it.each([
    { description: "no --repo", args: ["sweep"], stderr: "--repo owner/name is required" },
    { description: "a malformed --repo", args: ["sweep", "--repo", "duet"], stderr: "expected owner/name" },
    { description: "an unknown option", args: ["sweep", "--repo", "duet/support", "--force"], stderr: "Unknown option '--force'" },
    { description: "a bad --now", args: ["sweep", "--repo", "duet/support", "--now", "yesterday"], stderr: "--now: expected an ISO time" },
    { description: "an unknown command", args: ["sweeep", "--repo", "duet/support"], stderr: 'unknown command "sweeep"' },
  ])("exits 2 on $description", async ({ args, stderr }) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(stderr);
  });

  it("authenticates as the app (APP_ID + PRIVATE_KEY) through the repository's installation", async () => {
    fake.clearRequests();
    const run = await runCli(["sweep", "--repo", "duet/support", "--dry-run"], { GITHUB_API_URL: fake.url, APP_ID: "123456", PRIVATE_KEY: TEST_PRIVATE_KEY });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(["GET /repos/duet/support/installation", `POST /app/installations/${fake.state.installationFor("duet")!.id}/access_tokens`]));
  });

  it("exits 2 when the app is not installed on the repository", async () => {
    fake.addRepo("elsewhere", "support", { installed: false });
    const run = await runCli(["sweep", "--repo", "elsewhere/support"], { GITHUB_API_URL: fake.url, APP_ID: "123456", PRIVATE_KEY: TEST_PRIVATE_KEY });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the app is not installed on elsewhere/support");
  });

  it("exits 2 for a repository that does not exist, not 1 as if GitHub were down", async () => {
    const run = await runCli(["sweep", "--repo", "duet/suport"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("check --repo");
  });

  it("exits 2 without credentials, naming what to set", async () => {
    const run = await runCli(["sweep", "--repo", "duet/support"], { GITHUB_API_URL: fake.url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("GITHUB_TOKEN");
  });

  it("exits 2 on an invalid configuration, naming the file and key", async () => {
    fake.addRepo("duet", "broken");
    fake.setFile("duet", "broken", ".github/duet-support.yml", "tiers:\n  L1:\n    targetHourz: 3\n");
    const run = await runCli(["sweep", "--repo", "duet/broken"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".github/duet-support.yml: tiers.L1.targetHourz");
  });

  it("exits 1 when GitHub cannot be reached after retries", async () => {
    fake.failWith(502);
    try {
      const run = await runCli(["sweep", "--repo", "duet/support"], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("GitHub could not be reached");
    } finally {
      fake.failWith(null);
    }
  });
});
