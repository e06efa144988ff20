import { afterEach, describe, expect, it } from "vitest";
import { readWebFormKey } from "../../src/core/intake/render-body.js";
import { createIssueCreator } from "../../src/github/create-issue.js";
import { OutboxWorker } from "../../src/store/outbox-worker.js";
import { octokitFor } from "../fake-github/octokit.js";
import { type WebFormHarness, VALID_REQUEST, requestsCarrying, startWebForm } from "../http/web-form-harness.js";

let harness: WebFormHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const reporter = (i: number) => ({ name: `Reporter Number${i}`, email: `reporter${i}@example.org` });

async function drainUntilSettled(h: WebFormHarness, worker = h.worker): Promise<void> {
  for (let pass = 0; pass < 50 && h.store.outbox.counts().queued > 0; pass++) {
    await new Promise((resolve) => setTimeout(resolve, 10)); // test backoffs are 1-5 ms
    await worker.drainOnce();
  }
}

describe("web form while GitHub is down", () => {
  it("accepts 100 submissions with 202, then creates exactly 100 issues once GitHub recovers", async () => {
    harness = await startWebForm({ limits: { rate: { burst: 1000, refillMs: 1 } } });
    harness.fake.failWith(502);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => harness!.postJson({ ...VALID_REQUEST, ...reporter(i), whatHappened: `Problem ${i}` })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(202));
    const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string; status: string })));
    expect(new Set(ids.map((a) => a.status))).toEqual(new Set(["queued"]));

    harness.fake.failWith(null);
    await drainUntilSettled(harness);

    const issues = harness.issues();
    expect(issues).toHaveLength(100);
    expect(new Set(issues.map((i) => readWebFormKey(i.body))).size).toBe(100);
    expect(new Set(ids.map((a) => a.id))).toEqual(new Set(issues.map((i) => readWebFormKey(i.body))));
    const needles = Array.from({ length: 100 }, (_, i) => Object.values(reporter(i))).flat();
    expect(requestsCarrying(harness.fake, ...needles)).toEqual([]);
  });

  it("an issue created on GitHub whose answer was lost is found by its marker, not created twice", async () => {
    harness = await startWebForm({ worker: undefined });
    const real = createIssueCreator(octokitFor(harness.fake.url));
    let lose = 2;
    const worker = new OutboxWorker({
      outbox: harness.store.outbox,
      now: () => new Date(),
      backoff: { baseMs: 1, capMs: 5 },
      issues: {
        ...real,
        // GitHub creates the issue, then the connection drops before we read the answer.
        createIssue: async (issue) => {
          const created = await real.createIssue(issue);
          if (lose-- > 0) throw new Error("socket hang up");
          return created;
        },
      },
    });
    const posted = await Promise.all([1, 2, 3].map((i) => harness!.postJson({ ...VALID_REQUEST, whatHappened: `Lost answer ${i}` })));
    expect(posted.map((r) => r.status)).toEqual([202, 202, 202]);
    await drainUntilSettled(harness, worker);

    expect(harness.store.outbox.counts()).toEqual({ queued: 0, created: 3, failed: 0 });
    expect(harness.issues()).toHaveLength(3);
    const listed = harness.fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/issues"));
    expect(listed.length).toBeGreaterThanOrEqual(2);
  });

  it("a request GitHub refuses outright (422) fails permanently after one try and is not retried", async () => {
    harness = await startWebForm({ limits: { inlineDeliveryMs: 0 } });
    harness.fake.failWith(422);
    const { id } = (await (await harness.postJson(VALID_REQUEST)).json()) as { id: string };
    await harness.worker.drainOnce();
    harness.fake.failWith(null);
    await drainUntilSettled(harness);
    expect(await (await fetch(`${harness.url}/support/requests/${id}`)).json()).toEqual({ id, status: "failed" });
    expect(harness.issues()).toHaveLength(0);
  });
});
