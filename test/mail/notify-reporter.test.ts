import { afterEach, describe, expect, it } from "vitest";
import { createReporterMailer, createSmtpTransport } from "../../src/mail/notify-reporter.js";
import { type Store, openStore } from "../../src/store/open-store.js";
import { startSmtp } from "./smtp-sink.js";

const t0 = new Date("2026-03-02T09:00:00Z");
const issue = { owner: "duet", repo: "support", number: 7, url: "https://github.com/duet/support/issues/7" };
let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

function storeWithReporter(email: string | null = "ada@example.org"): Store {
  const store = openStore(":memory:");
  cleanups.push(() => store.close());
  store.outbox.enqueue(
    { id: "WF-ONE", idempotencyKey: "k", fingerprint: "f", owner: "duet", repo: "support", title: "t", body: "b", reporter: { name: "Ada", email: email ?? undefined } },
    t0,
  );
  store.outbox.markCreated("WF-ONE", { number: 7, url: issue.url }, t0);
  return store;
}

describe("notifyReporter over SMTP", () => {
  it.each([
    ["answered", "Your support request WF-ONE has an answer"],
    ["closed", "Your support request WF-ONE is closed"],
  ] as const)("sends the %s e-mail once, however often the event comes", async (kind, subject) => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const store = storeWithReporter();
    const mailer = createReporterMailer({ store, transport: createSmtpTransport(smtp.url)!, from: "desk@duet.example", now: () => t0 });
    expect(await mailer.notifyReporter(kind, issue)).toBe(1);
    expect(await mailer.notifyReporter(kind, issue)).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["ada@example.org"]);
    expect(smtp.received[0]!.data).toContain(`Subject: ${subject}`);
    expect(smtp.received[0]!.data).toContain(issue.url);
  });

  it("closing starts the retention clock: the address is purged 90 days later", async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const store = storeWithReporter();
    const mailer = createReporterMailer({ store, transport: createSmtpTransport(smtp.url)!, from: "desk@duet.example", now: () => t0 });
    await mailer.notifyReporter("closed", issue);
    store.purgeExpired(new Date(t0.getTime() + 91 * 86_400_000));
    expect(store.reporters.count()).toBe(0);
  });

  it("a reporter who gave no e-mail address gets nothing", async () => {
    const smtp = await startSmtp();
    cleanups.push(smtp.close);
    const mailer = createReporterMailer({ store: storeWithReporter(null), transport: createSmtpTransport(smtp.url)!, from: "d@x.example", now: () => t0 });
    expect(await mailer.notifyReporter("answered", issue)).toBe(0);
    expect(smtp.received).toEqual([]);
  });

  it("a refused send is reported without the address and may be tried again", async () => {
    const smtp = await startSmtp({ reject: true });
    cleanups.push(smtp.close);
    const store = storeWithReporter();
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (data: object) => warnings.push(JSON.stringify(data)) };
    const mailer = createReporterMailer({ store, transport: createSmtpTransport(smtp.url)!, from: "d@x.example", now: () => t0, log });
    const error = await mailer.notifyReporter("answered", issue).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(`${(error as Error).message} ${warnings.join(" ")}`).not.toContain("ada@example.org");
    expect(store.notifications.wasSent("WF-ONE", "answered")).toBe(false);
  });

  it("without SMTP_URL there is no transport", () => {
    expect(createSmtpTransport(undefined)).toBeUndefined();
  });
});
