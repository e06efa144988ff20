import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { type Store, openStore } from "../../src/store/open-store.js";
import type { NewSubmission } from "../../src/store/outbox.js";

const DAY = 86_400_000;
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

let dirs: string[] = [];
let stores: Store[] = [];
function tempStore(): { path: string; store: Store } {
  const dir = mkdtempSync(join(tmpdir(), "duet-store-"));
  dirs.push(dir);
  const path = join(dir, "nested", "duet-support.db");
  const store = openStore(path);
  stores.push(store);
  return { path, store };
}
afterEach(() => {
  for (const store of stores) store.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
  stores = [];
});

function submission(key: string, overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    id: `WF-${key}`,
    idempotencyKey: key,
    fingerprint: `fp-${key}`,
    owner: "duet",
    repo: "support",
    title: "t",
    body: "b",
    reporter: { name: "Ada", email: "ada@example.org" },
    ...overrides,
  };
}

describe("openStore", () => {
  it("creates the folder, applies every migration once and keeps data across reopening", () => {
    const { path, store } = tempStore();
    store.outbox.enqueue(submission("k1"), t0);
    store.close();
    stores = [];
    const again = openStore(path);
    stores.push(again);
    expect(again.appliedMigrations()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(again.outbox.get("WF-k1")?.status).toBe("queued");
  });
});

describe("deliveries", () => {
  it("claims a delivery id once; a redelivery is refused until 30 days have passed", () => {
    const { store } = tempStore();
    expect(store.claimDelivery("d-1", t0)).toBe(true);
    expect(store.claimDelivery("d-1", at(1))).toBe(false);
    expect(store.pruneDeliveries(at(29))).toBe(0);
    expect(store.pruneDeliveries(at(31))).toBe(1);
    expect(store.claimDelivery("d-1", at(31))).toBe(true);
  });

  it("a delivery whose handler never finished (the process died) is claimed again after a restart; a finished one is not", () => {
    const { store, path } = tempStore();
    expect(store.claimDelivery("died", t0)).toBe(true);
    expect(store.claimDelivery("done", t0)).toBe(true);
    store.completeDelivery("done", t0);
    expect(store.claimDelivery("died", t0)).toBe(false); // still being handled here
    store.close();
    const restarted = openStore(path);
    stores.push(restarted);
    expect(restarted.claimDelivery("died", at(1))).toBe(true);
    expect(restarted.claimDelivery("done", at(1))).toBe(false);
  });
});

describe("outbox", () => {
  it.each([
    ["the same key and content is the same submission", submission("k1", { id: "WF-other" }), "existing"],
    ["the same key with other content is a conflict", submission("k1", { id: "WF-other", fingerprint: "changed" }), "conflict"],
    ["another key is a new submission", submission("k2"), "new"],
  ])("%s", (_d, second, kind) => {
    const { store } = tempStore();
    store.outbox.enqueue(submission("k1"), t0);
    const result = store.outbox.enqueue(second, t0);
    expect(result.kind).toBe(kind);
    expect(result.submission.id).toBe(kind === "new" ? "WF-k2" : "WF-k1");
  });

  it("leases a due row to one worker; a row whose worker died is claimed again after the lease", () => {
    const { store } = tempStore();
    store.outbox.enqueue(submission("k1"), t0);
    const first = store.outbox.claimNext(t0, 60_000);
    expect(first?.attempts).toBe(1);
    expect(store.outbox.claimNext(new Date(t0.getTime() + 30_000), 60_000)).toBeUndefined();
    expect(store.outbox.claimNext(new Date(t0.getTime() + 61_000), 60_000)?.attempts).toBe(2);
  });

  it("waits for the next attempt time, and releases every backoff once GitHub answers again", () => {
    const { store } = tempStore();
    store.outbox.enqueue(submission("k1"), t0);
    store.outbox.claimNext(t0, 60_000);
    store.outbox.markRetry("WF-k1", "HTTP 502", at(1), true, t0);
    expect(store.outbox.claimNext(t0, 60_000)).toBeUndefined();
    expect(store.outbox.get("WF-k1")?.nextAttemptAt).toEqual(at(1));
    store.outbox.releaseBackoffs(t0);
    expect(store.outbox.claimNext(t0, 60_000)?.id).toBe("WF-k1");
  });

  it("remembers an uncertain attempt until the issue is found or the request was refused outright", () => {
    const { store } = tempStore();
    store.outbox.enqueue(submission("k1"), t0);
    store.outbox.markMayExist("WF-k1", t0);
    store.outbox.markMayExist("WF-k1", at(1));
    expect(store.outbox.get("WF-k1")?.mayExistSince).toEqual(t0);
    store.outbox.markRetry("WF-k1", "HTTP 403", at(1), false, t0);
    expect(store.outbox.get("WF-k1")?.mayExistSince).toBeNull();
  });

  it("a created submission shows its issue and is never claimed again", () => {
    const { store } = tempStore();
    store.outbox.enqueue(submission("k1"), t0);
    store.outbox.markCreated("WF-k1", { number: 5, url: "u" }, t0);
    expect(store.outbox.get("WF-k1")).toMatchObject({ status: "created", issue: { number: 5, url: "u" } });
    expect(store.outbox.claim("WF-k1", t0, 1000)).toBeUndefined();
    expect(store.outbox.counts()).toEqual({ queued: 0, created: 1, failed: 0 });
  });
});

describe("reporters and retention", () => {
  function created(store: Store, key: string, number: number, when = t0) {
    store.outbox.enqueue(submission(key), when);
    store.outbox.markCreated(`WF-${key}`, { number, url: `u${number}` }, when);
  }

  it("finds the reporters of an issue, and stores no row for a reporter who gave nothing", () => {
    const { store } = tempStore();
    created(store, "k1", 5);
    store.outbox.enqueue(submission("k2", { reporter: {} }), t0);
    expect(store.reporters.forIssue({ owner: "duet", repo: "support", number: 5 })).toEqual([
      { submissionId: "WF-k1", name: "Ada", email: "ada@example.org" },
    ]);
    expect(store.reporters.count()).toBe(1);
  });

  it.each([
    ["kept 89 days after the close", 10, 99, 1],
    ["deleted 91 days after the close", 10, 101, 0],
    ["kept while open before a year", null, 364, 1],
    ["deleted a year after submission even if open", null, 366, 0],
    ["deleted a year after submission even if closed recently", 300, 366, 0],
  ])("personal data: %s", (_d, closedOnDay, purgeOnDay, left) => {
    const { store } = tempStore();
    created(store, "k1", 5);
    if (closedOnDay !== null) store.reporters.markIssueClosed({ owner: "duet", repo: "support", number: 5 }, at(closedOnDay));
    store.purgeExpired(at(purgeOnDay));
    expect(store.reporters.count()).toBe(left);
  });

  it("a reopened ticket stops the after-close clock", () => {
    const { store } = tempStore();
    created(store, "k1", 5);
    const issue = { owner: "duet", repo: "support", number: 5 };
    store.reporters.markIssueClosed(issue, at(1));
    store.reporters.markIssueClosed(issue, null);
    store.purgeExpired(at(200));
    expect(store.reporters.count()).toBe(1);
  });

  it("keeps a queued submission past the year (it is not delivered yet) but drops old delivered ones", () => {
    const { store } = tempStore();
    created(store, "k1", 5);
    store.outbox.enqueue(submission("k2"), t0);
    expect(store.purgeExpired(at(400))).toMatchObject({ submissions: 1 });
    expect(store.outbox.get("WF-k1")).toBeUndefined();
    expect(store.outbox.get("WF-k2")?.status).toBe("queued");
  });

  it("notifications are claimed once per submission and kind, and can be given back", () => {
    const { store } = tempStore();
    created(store, "k1", 5);
    expect(store.notifications.claim("WF-k1", "answered", t0)).toBe(true);
    expect(store.notifications.claim("WF-k1", "answered", t0)).toBe(false);
    expect(store.notifications.claim("WF-k1", "closed", t0)).toBe(true);
    store.notifications.release("WF-k1", "answered");
    expect(store.notifications.wasSent("WF-k1", "answered")).toBe(false);
  });
});
