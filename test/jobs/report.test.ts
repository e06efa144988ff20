import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, renderReportJson } from "../../src/core/reports/index.js";
import { runReport } from "../../src/jobs/report.js";
import { atNextYear, beforeYear, config, seedYear } from "../core/reports/seed-year.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { octokitFor } from "../fake-github/octokit.js";
import { seedTicket } from "./report-fake-year.js";

const repo = { owner: "duet", repo: "support" };
const NOW = new Date("2027-10-01T00:00:00Z"); // the 2026 support year (from 1 Sep) is over
const TARGETS = { L1: 180, L2: 180, L3: 960 }; // working minutes, the plan's defaults

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.setNow(NOW);
  fake.addRepo(repo.owner, repo.repo);
  fake.setFile(repo.owner, repo.repo, ".github/duet-support.yml", 'reportYearStart: "09-01"\n');
  // #1–#52 are the year's tickets; #53 was opened the minute before it, #54 at the next year's start.
  for (const ticket of [...seedYear(), beforeYear, atNextYear]) seedTicket(fake, repo.owner, repo.repo, ticket);
  // Last touched before the year: GitHub's `since` filter leaves it out of every page.
  fake.addIssue(repo.owner, repo.repo, { title: "Old question", created_at: "2025-03-03T10:00:00Z", state: "closed", labels: ["tier: L1"] });
});
afterAll(() => fake.close());

let yearReport: Promise<Awaited<ReturnType<typeof runJson>>> | undefined;

/** The 2026 report; the default run is made once and shared by the tests that only read figures. */
function reportJson(options: { pageSize?: number } = {}) {
  if (options.pageSize !== undefined) return runJson(options);
  yearReport ??= runJson(options);
  return yearReport;
}

async function runJson(options: { pageSize?: number }) {
  fake.clearRequests();
  const result = await runReport({ octokit: octokitFor(fake.url), repo, year: 2026, now: NOW, format: "json", ...options });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { result, report: JSON.parse(result.output) };
}

describe("duet-support report over a year of 52 tickets held in GitHub", () => {
  it("gives the figures of the same year built by hand in the core's test, answers at the deadline aside", async () => {
    const { report } = await reportJson();
    // The clocks breach at 100 % of the target, so an answer in the target's very minute is late:
    // #41's L2 answer after 180 min and #44's L3 answer after 960 min. The hand-built year calls them met.
    const asClocksDecide = [beforeYear, ...seedYear(), atNextYear].map((t) => ({
      ...t,
      clocks: t.clocks.map((c) => (c.firstResponseWorkingMinutes !== undefined && c.firstResponseWorkingMinutes >= TARGETS[c.tier] ? { ...c, met: false } : c)),
    }));
    const expected = JSON.parse(renderReportJson(buildReport(asClocksDecide, config, 2026, NOW)));
    expect(report).toEqual(expected);
  });

  it("counts the tickets opened in the year, and the tickets per tier against the plan", async () => {
    const { report } = await reportJson();
    // open #46 #47 #51 #52; out of scope #48–#50; the issues of the day before and after are left out.
    expect(report.tickets).toEqual({ total: 52, open: 4, closed: 48, outOfScope: 3 });
    // L1: 28 + 4 + 10 + 2 + 3 + 2 = 49; L2: 10 + 2 = 12; L3: 2 + 3 = 5. The year is over: plan × 1.
    expect(report.tiers.map((t: { tier: string; tickets: number; planProRata: number }) => [t.tier, t.tickets, t.planProRata])).toEqual([
      ["L1", 49, 36],
      ["L2", 12, 12],
      ["L3", 5, 4],
    ]);
  });

  it.each([
    // L1: 43 met (A 28, C 10, D 2, F 3), 5 missed (B 4, #51 unanswered), #52 paused → 43/48 = 89.6 %.
    // First responses: 47 answered, median rank 24 = 60 min = 1 h, p90 rank 43 = 140 min = 2.33 h.
    { tier: "L1", sla: { met: 43, missed: 5, undecided: 1, compliancePercent: 89.6 }, firstResponse: { answered: 47, medianHours: 1, p90Hours: 2.33 } },
    // L2: met C 20…160 (8) + D 2 = 10; missed C's 180 (at the deadline) and 200 → 10/12 = 83.3 %.
    // Median (90 + 100) / 2 = 95 min = 1.58 h, p90 rank 11 = 180 min = 3 h.
    { tier: "L2", sla: { met: 10, missed: 2, undecided: 0, compliancePercent: 83.3 }, firstResponse: { answered: 12, medianHours: 1.58, p90Hours: 3 } },
    // L3: met #43 (480) and #45 (120); missed #44 (960, at the deadline) and #46 (open, unanswered);
    // #47 paused → 2/4 = 50 %. 120, 480, 960 min → median 8 h, p90 16 h.
    { tier: "L3", sla: { met: 2, missed: 2, undecided: 1, compliancePercent: 50 }, firstResponse: { answered: 3, medianHours: 8, p90Hours: 16 } },
  ])("$tier: SLA compliance and first response in working hours", async ({ tier, sla, firstResponse }) => {
    const { report } = await reportJson();
    const figures = report.tiers.find((t: { tier: string }) => t.tier === tier);
    expect(figures.sla).toEqual(sla);
    expect(figures.firstResponse).toEqual(firstResponse);
  });

  it("lists the open tickets past target with no response", async () => {
    const { report } = await reportJson();
    expect(report.openBreaches).toEqual([
      { number: 46, title: "Map | viewer down, ping @someone", tiers: ["L3"], component: "vc-map-api", partners: ["VCS"] },
      { number: 51, title: "Dashboard empty", tiers: ["L1"], partners: ["ATC"] },
    ]);
  });

  it.each([
    { line: "L1", days: 4.5, usedPercent: 45 }, // 28 × 60 + 4 × 120 = 2160 min
    { line: "L2", days: 5, usedPercent: 62.5 }, // 10 × 240 = 2400 min
    { line: "IMEC", days: 2, usedPercent: 20 }, // 960 min
    { line: "KUL", days: 1.5, usedPercent: 50 }, // 720 min logged in the year on a ticket opened before it
    { line: "TNO", days: 4, usedPercent: 66.7 }, // 1440 + 480; the 480 min of Sep 2027 belong to the next year
    { line: "DV", days: 0.5, usedPercent: null }, // no L3 budget
  ])("effort $line: $days days from the app's effort markers", async ({ line, days, usedPercent }) => {
    const { report } = await reportJson();
    const found = report.effort.find((l: { tier: string; partner?: string }) => (l.partner ?? l.tier) === line);
    expect(found).toMatchObject({ days, usedPercent });
  });
});

describe("what the report costs", () => {
  it.each([
    // 54 issues updated since the year began (#1–#54); the 2025 issue is filtered out by GitHub.
    { pageSize: 100, pages: 1 },
    { pageSize: 10, pages: 6 },
  ])("reads $pages GraphQL page(s) of $pageSize issues, and nothing per issue", async ({ pageSize, pages }) => {
    const { result } = await reportJson({ pageSize });
    const graphql = fake.requests.filter((r) => r.path === "/graphql");
    expect(graphql).toHaveLength(pages);
    expect(fake.requests.filter((r) => r.method !== "GET" && r.path !== "/graphql")).toEqual([]);
    // Everything else is read once: the config, SUPPORT_OWNERS and the seven partner teams.
    expect(fake.requests).toHaveLength(9 + pages);
    expect(result.requests).toBe(9 + pages);
  });

  it("stops paging once the issues were opened after the year", async () => {
    // 2025's year runs 1 Sep 2025 – 31 Aug 2026: of the issues updated since, only #53 (opened
    // 31 Aug 2026 23:59) is in it; the first page already reaches 2 Sep 2026, so paging stops.
    fake.clearRequests();
    const result = await runReport({ octokit: octokitFor(fake.url), repo, year: 2025, now: NOW, format: "json", pageSize: 10 });
    expect(result.ok && JSON.parse(result.output).tickets.total).toBe(1);
    expect(fake.requests.filter((r) => r.path === "/graphql")).toHaveLength(1);
  });
});

describe("formats and configuration", () => {
  it("prints markdown with the Mermaid charts by default format md", async () => {
    const result = await runReport({ octokit: octokitFor(fake.url), repo, year: 2026, now: NOW, format: "md" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.output).toMatch(/^# Support report 2026\n/);
    expect(result.output).toContain("| #46 | Map \\| viewer down");
    expect(result.output).toContain("```mermaid");
  });

  it("reports the support year containing `now` when no year is given", async () => {
    const result = await runReport({ octokit: octokitFor(fake.url), repo, now: new Date("2027-08-31T12:00:00Z"), format: "json" });
    expect(result.ok && JSON.parse(result.output).year).toBe(2026);
  });

  it("answers an invalid configuration with problems naming the file and key, and reads no issues", async () => {
    const other = { owner: "duet", repo: "broken" };
    fake.addRepo(other.owner, other.repo);
    fake.setFile(other.owner, other.repo, ".github/duet-support.yml", 'reportYearStart: "13-01"\n');
    fake.clearRequests();
    const result = await runReport({ octokit: octokitFor(fake.url), repo: other, year: 2026, now: NOW, format: "md" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.where).toContain(".github/duet-support.yml");
    expect(result.problems[0]?.where).toContain("reportYearStart");
    expect(fake.requests.filter((r) => r.path === "/graphql")).toEqual([]);
  });
});
