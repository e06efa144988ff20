/**
 * The web form as `npm start` serves it: the real server with SUPPORT_REPO set files a submission as
 * an issue through the app's installation, and the reporter's name and e-mail never reach GitHub.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { requestsCarrying, VALID_REQUEST } from "../http/web-form-harness.js";
import { type RunningServer, startServer } from "./server-process.js";

describe("the server's web form", () => {
  let fake: FakeGitHub;
  let server: RunningServer;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
    const dir = mkdtempSync(join(tmpdir(), "duet-server-"));
    server = await startServer(fake.url, { SUPPORT_REPO: "duet/support", DATABASE_PATH: join(dir, "store.db") });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it("serves the form page at /support", async () => {
    const response = await fetch(`${server.url}/support`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<form");
    expect(html).toContain("Noise Modeller (Athens, Flanders)");
  });

  it("files a JSON submission as an issue labelled source: web-form, keeping personal data off GitHub", async () => {
    const response = await fetch(`${server.url}/support/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(VALID_REQUEST) });
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { id: string; status: string; issue?: { number: number } };
    expect(answer.status).toBe("created");
    const issue = fake.state.requireIssue("duet", "support", answer.issue!.number);
    expect(issue.labels).toContain("source: web-form");
    expect(issue.body).toContain("### What happened");
    expect(requestsCarrying(fake, VALID_REQUEST.name, VALID_REQUEST.email)).toEqual([]);

    const status = await fetch(`${server.url}/support/requests/${answer.id}`);
    const body = await status.text();
    expect(body).toContain('"created"');
    expect(body).not.toContain(VALID_REQUEST.email);
  });

  it("answers 400 with the errors per field and stores nothing", async () => {
    const before = fake.state.requireRepo("duet", "support").issues.length;
    const response = await fetch(`${server.url}/support/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...VALID_REQUEST, impact: "urgent" }) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("impact");
    expect(fake.state.requireRepo("duet", "support").issues.length).toBe(before);
  });
});
