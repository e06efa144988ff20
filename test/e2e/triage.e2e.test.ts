/**
 * The real server (as `npm start` runs it) against the loopback fake of GitHub: a signed
 * issues.opened webhook is triaged end to end; unsigned or wrongly signed ones are rejected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, sendWebhook, startFakeGitHub } from "../fake-github/index.js";
import { formBody, webhookFixture } from "../fixtures/webhooks.js";
import { type RunningServer, startServer } from "./server-process.js";

describe("the server triages signed webhooks from a GitHub-compatible host", () => {
  let fake: FakeGitHub;
  let server: RunningServer;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo("duet", "support");
    fake.addTeam("duet", "duet-tno", ["tess"]);
    fake.setPermission("duet", "support", "tess", "write");
    server = await startServer(fake.url);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  function openedPayload(number: number, body: string) {
    const repo = fake.state.requireRepo("duet", "support");
    const issue = fake.state.requireIssue("duet", "support", number);
    return webhookFixture("issues", "opened", {
      issue: { number, body, title: issue.title, created_at: issue.created_at, labels: [], assignees: [], assignee: null, node_id: issue.node_id },
      repository: { node_id: repo.node_id },
      installation: { id: fake.state.installationFor("duet")!.id },
    });
  }

  it("labels, assigns and answers a new high-impact request within one delivery", async () => {
    const body = formBody({ Component: "Noise Modeller (Athens, Flanders)", Impact: "high", "Request type": "bug", "What happened": "Noise map is empty.", "When did it happen": "Today 10:00", Where: "platform" });
    const issue = fake.addIssue("duet", "support", { title: "Noise map empty", body, user: "city-of-athens" });
    fake.clearRequests();
    const status = await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: "e2e-secret", event: "issues", deliveryId: "d-1", payload: openedPayload(issue.number, body) });
    expect(status).toBe(200);

    const after = fake.state.requireIssue("duet", "support", issue.number);
    expect([...after.labels].sort()).toEqual(["component: noise-modeller-athens-flanders", "impact: high", "partner: TNO", "tier: L3"]);
    expect(after.assignees).toEqual(["tess"]);
    const comments = after.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("Europe/Amsterdam");
    expect(comments[0]!.body).toContain("@duet/duet-atc");
    // The labels came with colour and description, in one GraphQL request.
    expect(fake.state.requireRepo("duet", "support").labels.get("tier: l3")?.color).toBe("1d5fa6");
    const writes = fake.requests.filter((r) => r.method !== "GET" && !r.path.includes("access_tokens") && !(r.path.endsWith("graphql") && !String((r.body as { query?: string })?.query).startsWith("mutation")));
    expect(writes.length).toBeLessThanOrEqual(3);
  });

  it("a redelivery of the same delivery id changes nothing", async () => {
    const body = formBody({ Component: "CesiumJS", Impact: "low", "Request type": "question", "What happened": "How do I tilt?", "When did it happen": "Yesterday" });
    const issue = fake.addIssue("duet", "support", { title: "Tilt?", body, user: "city-of-pilsen" });
    const payload = openedPayload(issue.number, body);
    await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: "e2e-secret", event: "issues", deliveryId: "d-2", payload });
    fake.clearRequests();
    expect(await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: "e2e-secret", event: "issues", deliveryId: "d-2", payload })).toBe(200);
    expect(fake.requests.filter((r) => !r.path.includes("access_tokens"))).toEqual([]);
    expect(fake.state.requireIssue("duet", "support", issue.number).comments).toHaveLength(1);
  });

  it("refuses to start without WEBHOOK_SECRET outside development", async () => {
    await expect(startServer(fake.url, { WEBHOOK_SECRET: "" })).rejects.toThrow(/exited with 2[\s\S]*WEBHOOK_SECRET/);
  });

  it.each([
    { description: "no signature", headers: {} },
    { description: "a signature made with another secret", secret: "not-the-secret" },
  ])("rejects a delivery with $description and changes nothing", async ({ secret, headers }) => {
    const issue = fake.addIssue("duet", "support", { title: "Spoofed", body: "x", user: "mallory" });
    fake.clearRequests();
    const payload = JSON.stringify(openedPayload(issue.number, "x"));
    const response = secret
      ? { status: await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret, event: "issues", deliveryId: "d-x", payload: JSON.parse(payload) }) }
      : await fetch(`${server.url}/api/github/webhooks`, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "d-y", ...headers }, body: payload });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(fake.requests).toEqual([]);
    expect(fake.state.requireIssue("duet", "support", issue.number).labels).toEqual([]);
  });
});
