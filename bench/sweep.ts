/**
 * The sweep over 1,000 and 10,000 open issues on the loopback fake: GitHub requests (the rate limit
 * is the real budget) and wall time, then a second run that must post nothing.
 * Writes are measured with Octokit's throttling off; in production each write is paced by GitHub's
 * secondary rate limits (about one a second), so a sweep's wall time grows by that per reminder.
 */
import { ProbotOctokit } from "probot";
import { startFakeGitHub, type FakeGitHub } from "../test/fake-github/index.js";
import { CalendarCache } from "../src/handlers/deps.js";
import { configLoader } from "../src/github/repository-files.js";
import type { Octokit } from "../src/github/octokit.js";
import { sweepRepository } from "../src/jobs/sweep.js";

const NOW = new Date("2026-11-26T14:00:00Z"); // Thursday, 16:00 in Athens
const BOT = "duet-support[bot]";

/** Realistic mix: 90 % answered by the desk, 5 % waiting on the reporter, 5 % running (some due). */
function seed(fake: FakeGitHub, repo: string, count: number): void {
  fake.addRepo("duet", repo);
  for (let i = 0; i < count; i++) {
    const created = new Date(NOW.getTime() - (1 + (i % 20)) * 86_400_000 - (i % 8) * 3_600_000);
    const labels = ["tier: L1", "impact: low", "component: message-broker", "partner: ATC"];
    const kind = i % 20;
    if (kind === 0) labels.push("status: needs-info");
    const issue = fake.addIssue("duet", repo, { title: `Ticket ${i}`, user: `reporter-${i % 50}`, labels, assignees: ["desk-anna"], created_at: created });
    for (const label of labels) fake.addEvent("duet", repo, issue.number, { event: "labeled", label, actor: BOT, created_at: created });
    fake.addComment("duet", repo, issue.number, { user: BOT, body: "Thank you for your request.\n\n<!-- duet-support:triage key=routed -->", created_at: created });
    if (kind >= 2) {
      fake.addComment("duet", repo, issue.number, { user: "desk-anna", body: "We are on it.", created_at: new Date(created.getTime() + 3_600_000), author_association: "MEMBER" });
    } else if (kind === 1) {
      fake.addComment("duet", repo, issue.number, { user: `reporter-${i % 50}`, body: "Any news?", created_at: new Date(created.getTime() + 600_000), author_association: "NONE" });
    }
  }
}

async function sweepOnce(fake: FakeGitHub, repo: string) {
  const octokit = new ProbotOctokit({ auth: { token: "bench" }, baseUrl: fake.url, throttle: { enabled: false }, retry: { enabled: false } }) as Octokit;
  const ref = { owner: "duet", repo };
  const started = performance.now();
  const result = await sweepRepository({ octokit, repo: ref, loadConfig: configLoader(octokit, ref), now: NOW, calendars: new CalendarCache() });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { seconds, ...result };
}

export async function benchSweep(): Promise<Record<string, number | string>> {
  const fake = await startFakeGitHub();
  const figures: Record<string, number | string> = {};
  try {
    fake.addTeam("duet", "duet-atc", ["desk-anna"]);
    // Warm-up: the fake loads GitHub's GraphQL schema on its first query.
    seed(fake, "warmup", 10);
    await sweepOnce(fake, "warmup");
    for (const count of [1_000, 10_000]) {
      const repo = `support-${count}`;
      seed(fake, repo, count);
      const first = await sweepOnce(fake, repo);
      const second = await sweepOnce(fake, repo);
      figures[`sweep ${count} open issues: read requests`] = first.requests.reads;
      figures[`sweep ${count} open issues: write requests (first run)`] = first.requests.writes;
      figures[`sweep ${count} open issues: reminders posted (first run)`] = first.warningsPosted + first.breachesPosted;
      figures[`sweep ${count} open issues: wall time, s (first run)`] = round(first.seconds);
      figures[`sweep ${count} open issues: write requests (second run)`] = second.requests.writes;
      figures[`sweep ${count} open issues: wall time, s (second run)`] = round(second.seconds);
    }
  } finally {
    await fake.close();
  }
  return figures;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
