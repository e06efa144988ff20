/**
 * GitHub requests per triaged issue and the handler's latency: Probot receives issues.opened
 * events in process, talking to the loopback fake (throttling off: in production GitHub's pacing
 * of writes adds about a second between the update and the comment).
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../src/app.js";
import { startFakeGitHub } from "../test/fake-github/index.js";
import { formBody, webhookFixture } from "../test/fixtures/webhooks.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

export async function benchTriage(count = 200): Promise<Record<string, number | string>> {
  const fake = await startFakeGitHub();
  try {
    const repo = fake.addRepo("duet", "support");
    const teams = { "duet-atc": ["anna", "andreas"], "duet-imec": ["ilse"], "duet-vcs": ["vera"], "duet-p4all": ["petr"], "duet-kul": ["koen"], "duet-tno": ["tess", "tom"], "duet-dv": ["dirk"] };
    for (const [slug, members] of Object.entries(teams)) {
      fake.addTeam("duet", slug, members);
      for (const m of members) fake.setPermission("duet", "support", m, "write");
    }
    const probot = new Probot({
      appId: 1,
      privateKey,
      baseUrl: `${fake.url}/api/v3`,
      logLevel: "fatal",
      Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
    });
    await probot.load(createApp());
    const components = ["Message Broker", "Data Catalogue", "CesiumJS", "GLayer (with InnoConnect)", "Noise Modeller (Athens, Flanders)", "Traffic Modeller (Flanders)"];
    const impacts = ["low", "medium", "high"];
    const latencies: number[] = [];
    let reads = 0;
    let writes = 0;
    let firstIssueWrites = 0;
    for (let i = 0; i < count; i++) {
      const body = formBody({ Component: components[i % components.length]!, Impact: impacts[i % 3]!, "Request type": "bug", "What happened": `Problem ${i}`, "When did it happen": "Today" });
      const issue = fake.addIssue("duet", "support", { title: `Problem ${i}`, body, user: "reporter" });
      fake.clearRequests();
      const payload = webhookFixture("issues", "opened", {
        issue: { number: issue.number, body, created_at: issue.created_at, labels: [], assignees: [], assignee: null },
        repository: { node_id: repo.node_id },
        installation: { id: fake.state.installationFor("duet")!.id },
      });
      const started = performance.now();
      await probot.receive({ id: `bench-${i}`, name: "issues", payload } as never);
      latencies.push(performance.now() - started);
      const counted = fake.requests.filter((r) => !r.path.includes("access_tokens"));
      const w = counted.filter((r) => r.method !== "GET" && !(r.path.endsWith("graphql") && !String((r.body as { query?: string })?.query).trim().startsWith("mutation"))).length;
      if (i === 0) firstIssueWrites = w;
      else {
        writes += w;
        reads += counted.length - w;
      }
    }
    latencies.sort((a, b) => a - b);
    const n = count - 1;
    return {
      "triage: issues": count,
      "triage: write requests, first issue in a repository (labels created)": firstIssueWrites,
      "triage: write requests per issue (steady state)": round(writes / n),
      "triage: read requests per issue (steady state)": round(reads / n),
      "triage: handler latency p50, ms": round(latencies[Math.floor(count * 0.5)]!),
      "triage: handler latency p95, ms": round(latencies[Math.floor(count * 0.95)]!),
    };
  } finally {
    await fake.close();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
