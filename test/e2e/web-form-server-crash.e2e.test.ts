/**
 * The real server (as `npm start` runs it) killed with SIGKILL right after answering 202 while
 * GitHub is down: after a restart on the same store every submission becomes exactly one issue.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWebFormKey } from "../../src/core/intake/render-body.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { requestsCarrying, VALID_REQUEST } from "../http/web-form-harness.js";
import { type RunningServer, startServer } from "./server-process.js";

// Under the per-client burst (10), so every post is accepted.
const SUBMISSIONS = 10;

describe("the server's web form survives SIGKILL", () => {
  let fake: FakeGitHub;
  let second: RunningServer | undefined;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
  });

  afterAll(async () => {
    await second?.stop();
    await fake?.close();
  });

  it("loses nothing and duplicates nothing", { timeout: 120_000 }, async () => {
    const env = { SUPPORT_REPO: "duet/support", DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "duet-crash-")), "store.db") };
    fake.failWith(502);
    const first = await startServer(fake.url, env);
    const ids: string[] = [];
    for (let i = 0; i < SUBMISSIONS; i++) {
      const response = await fetch(`${first.url}/support/requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...VALID_REQUEST, whatHappened: `Submission ${i}: subscriptions stopped delivering.` }),
      });
      expect(response.status).toBe(202);
      const answer = (await response.json()) as { id: string; status: string };
      expect(answer.status).toBe("queued");
      ids.push(answer.id);
    }
    await first.stop("SIGKILL");
    fake.failWith(null);

    second = await startServer(fake.url, env);
    const issues = () => fake.state.requireRepo("duet", "support").issues;
    const deadline = Date.now() + 60_000;
    while (issues().length < SUBMISSIONS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(issues()).toHaveLength(SUBMISSIONS);
    expect(new Set(issues().map((i) => readWebFormKey(i.body))).size).toBe(SUBMISSIONS);
    expect(issues().map((i) => readWebFormKey(i.body)).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const status = (await (await fetch(`${second.url}/support/requests/${id}`)).json()) as { status: string };
      expect(status.status).toBe("created");
    }
    expect(requestsCarrying(fake, VALID_REQUEST.name, VALID_REQUEST.email)).toEqual([]);
  });
});
