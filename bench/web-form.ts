/**
 * Web-form throughput on loopback: accepted submissions per second (validate, sanitise, render,
 * store in SQLite, answer 202), then how fast the worker turns the backlog into issues on the fake.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { defaultConfig } from "../src/core/config/parse.js";
import { createIssueCreator } from "../src/github/create-issue.js";
import { supportRoutes } from "../src/http/support-routes.js";
import { openStore } from "../src/store/open-store.js";
import { OutboxWorker } from "../src/store/outbox-worker.js";
import { startFakeGitHub } from "../test/fake-github/index.js";
import { octokitFor } from "../test/fake-github/octokit.js";
import { REPO, VALID_REQUEST, listen } from "../test/http/web-form-harness.js";

const SUBMISSIONS = 2_000;
const CONCURRENCY = 20;

export async function benchWebForm(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), "duet-bench-"));
  const store = openStore(join(dir, "duet-support.db"));
  const fake = await startFakeGitHub();
  fake.addRepo(REPO.owner, REPO.repo);
  const now = () => new Date();
  const config = defaultConfig(); // the app caches the parsed configuration too
  // No inline delivery: this measures what the form accepts, not GitHub's speed.
  const handler = supportRoutes({
    store,
    config: () => config,
    repo: REPO,
    now,
    limits: { inlineDeliveryMs: 0, rate: { burst: SUBMISSIONS * 2, refillMs: 1 } },
  });
  const server = createServer((req, res) => void handler(req, res));
  const url = await listen(server);
  try {
    let next = 0;
    let accepted = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SUBMISSIONS) {
          const i = next++;
          const res = await fetch(`${url}/support/requests`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ ...VALID_REQUEST, whatHappened: `Bench submission ${i} with @mention and #12` }),
          });
          if (res.status === 202) accepted++;
          await res.arrayBuffer();
        }
      }),
    );
    const acceptSeconds = (performance.now() - started) / 1000;

    const worker = new OutboxWorker({ outbox: store.outbox, issues: createIssueCreator(octokitFor(fake.url)), now });
    const drainStarted = performance.now();
    const { created } = await worker.drainOnce();
    const drainSeconds = (performance.now() - drainStarted) / 1000;

    const figures = {
      "web-form submissions": SUBMISSIONS,
      "web-form accepted (202)": accepted,
      "web-form accepted per second": Math.round(accepted / acceptSeconds),
      "web-form issues created by the worker": created,
      "web-form issues created per second (loopback fake)": Math.round(created / drainSeconds),
    };
    return figures;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fake.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(await benchWebForm());
