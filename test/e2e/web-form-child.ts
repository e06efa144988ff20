/**
 * The web form as a separate process, for the crash test: the store file, the outbox worker and
 * the routes, with GitHub at GITHUB_API_URL. Prints "listening <url>" once it accepts requests.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultConfig } from "../../src/core/config/parse.js";
import { createIssueCreator } from "../../src/github/create-issue.js";
import { supportRoutes } from "../../src/http/support-routes.js";
import { openStore } from "../../src/store/open-store.js";
import { OutboxWorker } from "../../src/store/outbox-worker.js";
import { octokitFor } from "../fake-github/octokit.js";

const env = process.env;
const store = openStore(env.DATABASE_PATH!);
const now = () => new Date();
const worker = new OutboxWorker({
  outbox: store.outbox,
  issues: createIssueCreator(octokitFor(env.GITHUB_API_URL!), { timeoutMs: 2_000 }),
  now,
  backoff: { baseMs: 20, capMs: 100 },
  leaseMs: 3_000,
  pollMs: 20,
});
const handler = supportRoutes({
  store,
  config: () => defaultConfig(),
  repo: { owner: "duet", repo: "support" },
  worker,
  now,
  limits: { inlineDeliveryMs: Number(env.INLINE_DELIVERY_MS ?? 0), rate: { burst: 1000, refillMs: 1 } },
});
const server = createServer((req, res) => {
  void handler(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});
server.listen(0, "127.0.0.1", () => {
  worker.start();
  process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
