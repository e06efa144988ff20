/**
 * The board mirror over 1,000 tickets on the loopback fake: GraphQL requests to sync them from
 * scratch (fields created, cards added, fields set in batches of 50), then a second run that must
 * make no mutation, and one change synced on its own.
 */
import { ProbotOctokit } from "probot";
import { defaultConfig } from "../src/core/config/index.js";
import { BoardCache } from "../src/github/board.js";
import { syncTicket } from "../src/github/board-items.js";
import type { Octokit } from "../src/github/octokit.js";
import { backfillBoard } from "../src/jobs/board.js";
import { projectsOf } from "../test/fake-github/graphql/project-v2-state.js";
import { type FakeGitHub, startFakeGitHub } from "../test/fake-github/index.js";

const NOW = new Date("2026-11-26T14:00:00Z");
const BOT = "duet-support[bot]";
const MIX = [
  ["tier: L1", "impact: low", "component: message-broker", "partner: ATC"],
  ["tier: L2", "impact: medium", "component: cesiumjs", "partner: VCS"],
  ["tier: L3", "impact: high", "component: data-catalogue", "partner: ATC", "partner: IMEC"],
  ["tier: L1", "impact: low", "component: glayer", "partner: P4ALL", "status: needs-info"],
];

function seed(fake: FakeGitHub, repo: string, count: number): void {
  fake.addRepo("duet", repo);
  for (let i = 0; i < count; i++) {
    const created = new Date(NOW.getTime() - (1 + (i % 20)) * 86_400_000);
    const labels = MIX[i % MIX.length]!;
    const state = i % 10 === 9 ? "closed" : "open";
    const issue = fake.addIssue("duet", repo, { title: `Ticket ${i}`, user: `reporter-${i % 50}`, labels, state, created_at: created });
    for (const label of labels) fake.addEvent("duet", repo, issue.number, { event: "labeled", label, actor: BOT, created_at: created });
    if (i % 3 === 0) fake.addComment("duet", repo, issue.number, { user: "desk-anna", body: "On it.", created_at: new Date(created.getTime() + 3_600_000), author_association: "MEMBER" });
  }
}

const silent = { info: () => {}, warn: () => {} };

async function backfill(fake: FakeGitHub, repo: string) {
  const octokit = new ProbotOctokit({ auth: { token: "bench" }, baseUrl: fake.url, throttle: { enabled: false }, retry: { enabled: false } }) as Octokit;
  const started = performance.now();
  const result = await backfillBoard({ octokit, repo: { owner: "duet", repo }, config: { ...defaultConfig(), board: { owner: "duet", number: 1 } }, now: NOW, log: silent });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { seconds: (performance.now() - started) / 1000, ...result.value };
}

export async function benchBoard(): Promise<Record<string, number | string>> {
  const fake = await startFakeGitHub();
  try {
    projectsOf(fake.state).add("duet", 1, { title: "ATC support" });
    seed(fake, "warmup", 5);
    await backfill(fake, "warmup");
    seed(fake, "support", 1_000);
    const first = await backfill(fake, "support");
    const second = await backfill(fake, "support");

    const octokit = new ProbotOctokit({ auth: { token: "bench" }, baseUrl: fake.url, throttle: { enabled: false }, retry: { enabled: false } }) as Octokit;
    const cache = new BoardCache();
    const ref = { owner: "duet", number: 1 };
    const issue = { owner: "duet", repo: "support", issue_number: 2 };
    await cache.open(octokit, ref, silent);
    const escalated = await syncTicket(octokit, cache, ref, issue, { tier: "L3", impact: "medium", component: "cesiumjs", partner: "VCS", slaState: "on track", responseDue: "2026-11-30" }, silent);
    const unchanged = await syncTicket(octokit, cache, ref, issue, { tier: "L3", impact: "medium", component: "cesiumjs", partner: "VCS", slaState: "on track", responseDue: "2026-11-30" }, silent);
    return {
      "board 1,000 tickets from scratch: GraphQL requests": first.requests,
      "board 1,000 tickets from scratch: of them mutations": first.mutations,
      "board 1,000 tickets from scratch: cards added / fields set in": `${first.added} / ${first.mutations - (first.setUp.length ? 1 : 0) - Math.ceil(first.added / 50)} requests`,
      "board 1,000 tickets from scratch: wall time on the fake (s)": first.seconds.toFixed(1),
      "board second run: GraphQL requests (reads only)": second.requests,
      "board second run: mutations": second.mutations,
      "board second run: unchanged cards": second.unchanged,
      "one change on a card (escalation): requests (card read + write)": escalated.ok ? escalated.requests : escalated.reason,
      "the same change again: requests (card read, no write)": unchanged.ok ? unchanged.requests : unchanged.reason,
    };
  } finally {
    await fake.close();
  }
}
