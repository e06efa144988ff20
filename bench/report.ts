/**
 * The yearly report over 5,000 closed tickets on the loopback fake: GitHub requests (they must grow
 * with pages of 100 issues, not with issues) and wall time, then the same for the dashboard run.
 */
import { ProbotOctokit } from "probot";
import { LABELS } from "../src/core/config/labels.js";
import { renderMarker } from "../src/core/text/markers.js";
import type { Octokit } from "../src/github/octokit.js";
import { updateDashboard } from "../src/jobs/dashboard.js";
import { runReport } from "../src/jobs/report.js";
import { type FakeGitHub, startFakeGitHub } from "../test/fake-github/index.js";

const YEAR_START = Date.UTC(2026, 0, 1);
const NOW = new Date("2026-12-28T06:00:00Z");
const BOT = "duet-support[bot]";
const HOUR_MS = 3_600_000;

/** A year of closed tickets: L1 answered by the desk, one in ten escalated to L2, one /effort each. */
function seed(fake: FakeGitHub, repo: string, count: number): void {
  fake.addRepo("duet", repo);
  for (let i = 0; i < count; i++) {
    const created = new Date(YEAR_START + Math.floor((i * 360) / count) * 86_400_000 + 7 * HOUR_MS);
    const escalated = i % 10 === 0;
    const labels = [LABELS.tier(escalated ? "L2" : "L1"), LABELS.impact("low"), LABELS.component("message-broker"), LABELS.partner("ATC")];
    const issue = fake.addIssue("duet", repo, { title: `Ticket ${i}`, user: `reporter-${i % 50}`, labels, created_at: created, state: "closed", closed_at: new Date(created.getTime() + 30 * HOUR_MS) });
    const at = (hours: number) => new Date(created.getTime() + hours * HOUR_MS);
    fake.addEvent("duet", repo, issue.number, { event: "labeled", label: LABELS.tier("L1"), actor: BOT, created_at: created });
    fake.addComment("duet", repo, issue.number, { user: "desk-anna", body: "We are on it.", created_at: at(1 + (i % 4)), author_association: "MEMBER" });
    if (escalated) {
      fake.addEvent("duet", repo, issue.number, { event: "labeled", label: LABELS.tier("L2"), actor: BOT, created_at: at(6) });
      fake.addEvent("duet", repo, issue.number, { event: "unlabeled", label: LABELS.tier("L1"), actor: BOT, created_at: at(6) });
      fake.addComment("duet", repo, issue.number, { user: "desk-anna", body: "Found the cause.", created_at: at(26), author_association: "MEMBER" });
    }
    const marker = renderMarker({ kind: "effort", key: String(issue.id), data: { partner: "ATC", minutes: 90, tier: escalated ? "L2" : "L1", by: "desk-anna" } });
    fake.addComment("duet", repo, issue.number, { user: BOT, body: `Logged 1 h 30 min.\n${marker}`, created_at: at(28) });
    fake.addEvent("duet", repo, issue.number, { event: "closed", actor: "desk-anna", created_at: at(30), state_reason: "completed" });
  }
}

function client(fake: FakeGitHub): Octokit {
  return new ProbotOctokit({ auth: { token: "bench" }, baseUrl: fake.url, throttle: { enabled: false }, retry: { enabled: false } }) as Octokit;
}

export async function benchReport(): Promise<Record<string, number | string>> {
  const fake = await startFakeGitHub();
  fake.setNow(NOW);
  const figures: Record<string, number | string> = {};
  try {
    // Warm-up: the fake loads GitHub's GraphQL schema on its first query.
    seed(fake, "warmup", 10);
    await runReport({ octokit: client(fake), repo: { owner: "duet", repo: "warmup" }, year: 2026, now: NOW, format: "json" });

    const count = 5_000;
    seed(fake, "support", count);
    const repo = { owner: "duet", repo: "support" };
    let started = performance.now();
    const report = await runReport({ octokit: client(fake), repo, year: 2026, now: NOW, format: "md" });
    const reportSeconds = (performance.now() - started) / 1000;
    if (!report.ok) throw new Error(JSON.stringify(report.problems));
    figures[`report ${count} closed tickets: requests`] = report.requests;
    figures[`report ${count} closed tickets: GraphQL pages of 100 issues`] = report.pages;
    figures[`report ${count} closed tickets: wall time, s`] = round(reportSeconds);

    started = performance.now();
    const first = await updateDashboard({ octokit: client(fake), repo, now: NOW });
    const firstSeconds = (performance.now() - started) / 1000;
    const second = await updateDashboard({ octokit: client(fake), repo, now: NOW });
    if (!first.ok || !second.ok) throw new Error("dashboard failed");
    figures[`dashboard ${count} closed tickets: requests (first run, creates and pins)`] = first.requests;
    figures[`dashboard ${count} closed tickets: requests (second run, edits)`] = second.requests;
    figures[`dashboard ${count} closed tickets: wall time, s (first run)`] = round(firstSeconds);
  } finally {
    await fake.close();
  }
  return figures;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
