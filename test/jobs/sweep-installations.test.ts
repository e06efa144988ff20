/**
 * The server's own sweep (SWEEP_INTERVAL_MINUTES): every repository of every installation, through
 * the app's installation tokens, sharing markers with the workflow's sweep so nothing is posted twice.
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CalendarCache } from "../../src/handlers/deps.js";
import { configLoader } from "../../src/github/repository-files.js";
import { startIntervalSweep } from "../../src/jobs/sweep-installations.js";
import { sweepRepository } from "../../src/jobs/sweep.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { octokitFor } from "../fake-github/octokit.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const NOW = new Date("2026-11-26T14:00:00Z"); // Thursday 16:00 in Athens
const LABELS = ["tier: L1", "impact: low", "component: landing-pages", "partner: ATC"];

describe("the server's interval sweep", () => {
  let fake: FakeGitHub;
  let probot: Probot;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    for (const repo of ["support", "support-sandbox"]) {
      fake.addRepo("duet", repo);
      const issue = fake.addIssue("duet", repo, { title: "Landing page down", user: "reporter", labels: LABELS, created_at: "2026-11-25T07:00:00Z" });
      for (const label of LABELS) fake.addEvent("duet", repo, issue.number, { event: "labeled", label, actor: "duet-support[bot]", created_at: "2026-11-25T07:00:00Z" });
    }
    probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: fake.url,
      logLevel: "fatal",
      Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    });
  }, 30_000);

  afterAll(async () => {
    await fake?.close();
  });

  it("posts the breach notice in every installed repository, and the workflow's sweep then posts nothing", async () => {
    const sweep = startIntervalSweep(probot, { minutes: 60, now: () => NOW, calendars: new CalendarCache() });
    try {
      await sweep.runOnce();
    } finally {
      sweep.stop();
    }
    for (const repo of ["support", "support-sandbox"]) {
      const comments = fake.state.requireIssue("duet", repo, 1).comments.map((c) => c.body);
      expect(comments).toHaveLength(1);
      expect(comments[0]).toContain("Response target missed");
      expect(fake.state.requireIssue("duet", repo, 1).labels).toContain("sla: breached");
    }
    const octokit = octokitFor(fake.url, "ghs_workflow");
    const repo = { owner: "duet", repo: "support" };
    const result = await sweepRepository({ octokit, repo, loadConfig: configLoader(octokit, repo), now: NOW, calendars: new CalendarCache() });
    expect(result.ok && result.breachesPosted + result.warningsPosted).toBe(0);
  });

  it("never runs two sweeps at once", async () => {
    const sweep = startIntervalSweep(probot, { minutes: 60, now: () => NOW, calendars: new CalendarCache() });
    try {
      const first = sweep.runOnce();
      expect(sweep.runOnce()).toBe(first);
      await first;
    } finally {
      sweep.stop();
    }
  });
});
