/**
 * Starts the web form as the app will run it, on loopback: a store file, the outbox worker, the
 * routes in a node http server, and GitHub played by the loopback fake. Shared by route, e2e and
 * browser tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultConfig } from "../../src/core/config/parse.js";
import { createIssueCreator } from "../../src/github/create-issue.js";
import { type SupportRoutesDeps, supportRoutes } from "../../src/http/support-routes.js";
import { type Store, openStore } from "../../src/store/open-store.js";
import { OutboxWorker } from "../../src/store/outbox-worker.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { octokitFor } from "../fake-github/octokit.js";

export const REPO = { owner: "duet", repo: "support" };

export interface WebFormHarness {
  url: string;
  fake: FakeGitHub;
  store: Store;
  worker: OutboxWorker;
  /** Issues in the fake's support repository. */
  issues(): { number: number; title: string; body: string | null; labels: string[] }[];
  postJson(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startWebForm(overrides: Partial<SupportRoutesDeps> = {}): Promise<WebFormHarness> {
  const fake = await startFakeGitHub();
  fake.addRepo(REPO.owner, REPO.repo);
  const dir = mkdtempSync(join(tmpdir(), "duet-web-form-"));
  const store = openStore(join(dir, "duet-support.db"));
  const now = () => new Date();
  const worker = new OutboxWorker({
    outbox: store.outbox,
    issues: createIssueCreator(octokitFor(fake.url)),
    now,
    // Tiny backoffs: tests drain by hand and must not wait minutes for a retry to be due.
    backoff: { baseMs: 1, capMs: 5 },
  });
  const handler = supportRoutes({ store, config: () => defaultConfig(), repo: REPO, worker, now, ...overrides });
  const server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end("not ours");
    });
  });
  const url = await listen(server);
  return {
    url,
    fake,
    store,
    worker,
    issues: () => fake.state.requireRepo(REPO.owner, REPO.repo).issues.map((i) => ({ number: i.number, title: i.title, body: i.body, labels: i.labels })),
    postJson: (body, headers = {}) =>
      fetch(`${url}/support/requests`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }),
    close: async () => {
      await worker.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function listen(server: Server, port = 0): Promise<string> {
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

export const VALID_REQUEST = {
  component: "message-broker",
  impact: "medium",
  requestType: "bug",
  whatHappened: "Subscriptions stopped delivering messages.",
  whenHappened: "2026-03-02 around 10:00",
  where: "platform",
  name: "Ada Lovelace",
  email: "ada.lovelace@example.org",
};

/** The reporter's personal data must never appear in anything sent to GitHub (SPEC §3). */
export function requestsCarrying(fake: FakeGitHub, ...needles: string[]): string[] {
  return fake.requests
    .filter((r) => needles.some((n) => JSON.stringify({ url: r.url, body: r.body }).toLowerCase().includes(n.toLowerCase())))
    .map((r) => `${r.method} ${r.url}`);
}
