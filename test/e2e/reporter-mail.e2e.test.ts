/**
 * A reporter without a GitHub account hears back: the web form files the request, the desk's first
 * answer and the close each send one e-mail (SMTP_URL), and GitHub never sees the name or address.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, sendWebhook, startFakeGitHub } from "../fake-github/index.js";
import { webhookFixture } from "../fixtures/webhooks.js";
import { requestsCarrying, VALID_REQUEST } from "../http/web-form-harness.js";
import { startSmtp } from "../mail/smtp-sink.js";
import { type RunningServer, startServer } from "./server-process.js";
import { deliveryContext, issuePayload, userPayload } from "./webhook-payloads.js";

const SECRET = "e2e-secret";

describe("a web-form reporter is e-mailed when the desk answers and when the ticket closes", () => {
  let fake: FakeGitHub;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: RunningServer;
  let number: number;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
    fake.addTeam("duet", "duet-atc", ["desk-anna"]);
    fake.setPermission("duet", "support", "desk-anna", "write");
    smtp = await startSmtp();
    const dir = mkdtempSync(join(tmpdir(), "duet-mail-"));
    server = await startServer(fake.url, { SUPPORT_REPO: "duet/support", DATABASE_PATH: join(dir, "store.db"), SMTP_URL: smtp.url, SMTP_FROM: "DUET support <support@citytwin.eu>" });
    const response = await fetch(`${server.url}/support/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(VALID_REQUEST) });
    number = ((await response.json()) as { issue: { number: number } }).issue.number;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await fake?.close();
  });

  const deliver = (event: string, payload: object) => sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: SECRET, event, payload });

  it("the issue the form filed is triaged like any other", async () => {
    const payload = webhookFixture("issues", "opened", { issue: issuePayload(fake, "duet", "support", number), sender: userPayload(fake, "duet-support[bot]"), ...deliveryContext(fake, "duet", "support") });
    expect(await deliver("issues", payload)).toBe(200);
    const labels = fake.requireIssue("duet", "support", number).labels;
    expect(labels).toEqual(expect.arrayContaining(["source: web-form", "tier: L1", "component: message-broker"]));
    expect(smtp.received).toEqual([]); // the app's own acknowledgement is no answer from the desk
  });

  it("the desk's first comment sends one 'answered' e-mail; a second comment sends none", async () => {
    for (const body of ["We restarted the broker; please try again.", "Any better?"]) {
      const stored = fake.addComment("duet", "support", number, { user: "desk-anna", body, author_association: "MEMBER" });
      const payload = webhookFixture("issue_comment", "created", {
        issue: issuePayload(fake, "duet", "support", number),
        comment: { id: stored.id, node_id: stored.node_id, body, user: userPayload(fake, "desk-anna"), created_at: stored.created_at, updated_at: stored.updated_at, author_association: "MEMBER" },
        sender: userPayload(fake, "desk-anna"),
        ...deliveryContext(fake, "duet", "support"),
      });
      expect(await deliver("issue_comment", payload)).toBe(200);
    }
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual([VALID_REQUEST.email]);
    expect(smtp.received[0]!.data).toMatch(/has an answer/);
  });

  it("closing the ticket sends one 'closed' e-mail", async () => {
    const issue = fake.requireIssue("duet", "support", number);
    issue.state = "closed";
    issue.state_reason = "completed";
    issue.closed_at = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const payload = webhookFixture("issues", "reopened", { action: "closed", issue: issuePayload(fake, "duet", "support", number), sender: userPayload(fake, "desk-anna"), ...deliveryContext(fake, "duet", "support") });
    expect(await deliver("issues", payload)).toBe(200);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.data).toMatch(/is closed/);
  });

  it("no request to GitHub ever carried the reporter's name or e-mail", () => {
    expect(requestsCarrying(fake, VALID_REQUEST.name, VALID_REQUEST.email)).toEqual([]);
  });
});
