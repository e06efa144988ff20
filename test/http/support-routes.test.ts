import { afterEach, describe, expect, it } from "vitest";
import { LABELS } from "../../src/core/config/labels.js";
import { type WebFormHarness, VALID_REQUEST, requestsCarrying, startWebForm } from "./web-form-harness.js";

let harness: WebFormHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** GET /support as a browser would, returning the cookie and hidden fields to post back. */
async function openForm(h: WebFormHarness) {
  const res = await fetch(`${h.url}/support`);
  const html = await res.text();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? "";
  return { res, html, cookie, csrf: hidden("csrf"), idempotencyKey: hidden("idempotencyKey") };
}

function postForm(h: WebFormHarness, fields: Record<string, string>, cookie?: string) {
  return fetch(`${h.url}/support/requests`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie && { cookie }) },
    body: new URLSearchParams(fields).toString(),
  });
}

describe("GET /support", () => {
  it("serves an accessible form with every configured component and the plan's impact definitions", async () => {
    harness = await startWebForm();
    const { res, html, cookie, csrf } = await openForm(harness);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(html.match(/<option value="[^"]+"/g)).toHaveLength(22 + 4 + 4); // components, request types, places
    expect(html).toContain("The platform is down and a critical functionality is down.");
    for (const id of ["component", "requestType", "whatHappened", "whenHappened", "steps", "where", "name", "email", "impact-low"]) {
      expect(html, `label for ${id}`).toContain(`<label for="${id}">`);
    }
    expect(html).toContain("<legend>");
    expect(html).toContain('name="website"');
    expect(html).not.toContain("<script");
    expect(cookie).toBe(`duet_support_csrf=${csrf}`);
  });
});

describe("POST /support/requests (JSON)", () => {
  it("answers 202 with the created issue, labelled source: web-form, without the reporter's name or e-mail", async () => {
    harness = await startWebForm();
    const res = await harness.postJson(VALID_REQUEST);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; status: string; issue: { number: number; url: string } };
    expect(body).toMatchObject({ status: "created", issue: { number: 1 } });
    const [issue] = harness.issues();
    expect(issue?.labels).toEqual([LABELS.webForm]);
    expect(issue?.body).toContain("### What happened\n\nSubscriptions stopped delivering messages.");
    expect(issue?.body).toContain(`key=${body.id}`);
    expect(requestsCarrying(harness.fake, "Ada Lovelace", "ada.lovelace@example.org")).toEqual([]);

    const status = await fetch(`${harness.url}/support/requests/${body.id}`);
    expect(await status.json()).toEqual({ id: body.id, status: "created", issue: body.issue });
  });

  it("answers 400 with an error per field and stores nothing", async () => {
    harness = await startWebForm();
    const res = await harness.postJson({ ...VALID_REQUEST, impact: "urgent", email: "not-an-address", whatHappened: "" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({
      impact: "Choose low, medium or high.",
      email: "Enter an e-mail address such as name@example.org.",
      whatHappened: "Please fill this in.",
    });
    expect(harness.store.outbox.counts()).toEqual({ queued: 0, created: 0, failed: 0 });
    expect(harness.fake.requests).toEqual([]);
  });

  it("answers 413 to a body over 32 KB", async () => {
    harness = await startWebForm();
    const res = await harness.postJson({ ...VALID_REQUEST, whatHappened: "x".repeat(33 * 1024) });
    expect(res.status).toBe(413);
    expect(harness.store.outbox.counts().queued + harness.store.outbox.counts().created).toBe(0);
  });

  it("answers 429 with Retry-After once a client has used its burst", async () => {
    harness = await startWebForm({ limits: { rate: { burst: 2, refillMs: 60_000 }, inlineDeliveryMs: 0 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await harness.postJson(VALID_REQUEST, { "idempotency-key": `k${i}` })).status);
    const limited = await harness.postJson(VALID_REQUEST);
    expect([...statuses, limited.status]).toEqual([202, 202, 429, 429]);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("answers 415 to a content type it does not read", async () => {
    harness = await startWebForm();
    const res = await fetch(`${harness.url}/support/requests`, { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" });
    expect(res.status).toBe(415);
  });

  it.each([
    ["the same key and content is one request", { ...VALID_REQUEST }, 202],
    ["the same key with other content is refused", { ...VALID_REQUEST, whatHappened: "Something else." }, 409],
  ])("Idempotency-Key: %s", async (_d, second, status) => {
    harness = await startWebForm();
    const first = (await (await harness.postJson(VALID_REQUEST, { "idempotency-key": "portal-123" })).json()) as { id: string };
    const again = await harness.postJson(second, { "idempotency-key": "portal-123" });
    expect(again.status).toBe(status);
    if (status === 202) expect(((await again.json()) as { id: string }).id).toBe(first.id);
    expect(harness.issues()).toHaveLength(1);
  });

  it("a filled honeypot is answered as accepted, and nothing is stored or sent", async () => {
    harness = await startWebForm();
    const res = await harness.postJson({ ...VALID_REQUEST, website: "http://spam.example" });
    expect(res.status).toBe(202);
    expect(harness.store.outbox.counts()).toEqual({ queued: 0, created: 0, failed: 0 });
    expect(harness.fake.requests).toEqual([]);
  });

  it("queues when GitHub fails and the status shows queued until the worker creates the issue", async () => {
    harness = await startWebForm();
    harness.fake.failWith(502);
    const res = await harness.postJson(VALID_REQUEST);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect([res.status, status]).toEqual([202, "queued"]);
    expect(await (await fetch(`${harness.url}/support/requests/${id}`)).json()).toEqual({ id, status: "queued" });
    harness.fake.failWith(null);
    await new Promise((resolve) => setTimeout(resolve, 10)); // the 1-5 ms test backoff
    await harness.worker.drainOnce();
    expect(((await (await fetch(`${harness.url}/support/requests/${id}`)).json()) as { status: string }).status).toBe("created");
  });

  it("answers 404 for an unknown reference", async () => {
    harness = await startWebForm();
    expect((await fetch(`${harness.url}/support/requests/WF-NOPE`)).status).toBe(404);
  });

  it("leaves paths that are not its own to the next handler", async () => {
    harness = await startWebForm();
    expect(await (await fetch(`${harness.url}/api/github/webhooks`)).text()).toBe("not ours");
  });
});

describe("CORS for the portal", () => {
  const portal = "https://portal.example.org";

  it.each([
    ["a listed origin gets its preflight", portal, 204, portal],
    ["another origin is refused", "https://evil.example", 403, null],
  ])("%s", async (_d, origin, status, allowOrigin) => {
    harness = await startWebForm({ origins: [portal] });
    const res = await fetch(`${harness.url}/support/requests`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.status).toBe(status);
    expect(res.headers.get("access-control-allow-origin")).toBe(allowOrigin);
  });

  it("a JSON post from a listed origin is readable by it; one from another origin is refused and stores nothing", async () => {
    harness = await startWebForm({ origins: [portal] });
    const allowed = await harness.postJson(VALID_REQUEST, { origin: portal });
    expect([allowed.status, allowed.headers.get("access-control-allow-origin")]).toEqual([202, portal]);
    const refused = await harness.postJson({ ...VALID_REQUEST, whatHappened: "other" }, { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(harness.issues()).toHaveLength(1);
  });
});

describe("the browser form (urlencoded)", () => {
  it("a post with the page's token gets the thank-you page with the reference and the ticket", async () => {
    harness = await startWebForm();
    const { cookie, csrf, idempotencyKey } = await openForm(harness);
    const res = await postForm(harness, { ...VALID_REQUEST, csrf, idempotencyKey }, cookie);
    const html = await res.text();
    expect(res.status).toBe(202);
    expect(html).toMatch(/Your reference is WF-[A-Z0-9]{10}\./);
    expect(html).toContain("It is now support ticket #1.");
    // A second click on the same form is the same request.
    await postForm(harness, { ...VALID_REQUEST, csrf, idempotencyKey }, cookie);
    expect(harness.issues()).toHaveLength(1);
  });

  it("a cross-site post (no cookie) is refused with the text kept, and nothing is stored", async () => {
    harness = await startWebForm();
    const { csrf } = await openForm(harness);
    const res = await postForm(harness, { ...VALID_REQUEST, csrf });
    const html = await res.text();
    expect(res.status).toBe(403);
    expect(html).toContain("This form expired or was sent from another site.");
    expect(html).toContain("Subscriptions stopped delivering messages.</textarea>");
    expect(harness.store.outbox.counts().created + harness.store.outbox.counts().queued).toBe(0);
  });

  it("errors sit beside their fields, tied by aria-describedby, with the entered text kept", async () => {
    harness = await startWebForm();
    const { cookie, csrf } = await openForm(harness);
    const res = await postForm(harness, { ...VALID_REQUEST, component: "", whenHappened: "", whatHappened: "<b>kept</b>", csrf }, cookie);
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('<p class="error" id="component-error">Please fill this in.</p>');
    expect(html).toMatch(/<select id="component" name="component" required aria-describedby="component-hint component-error" aria-invalid="true">/);
    expect(html).toContain("&lt;b&gt;kept&lt;/b&gt;</textarea>");
    expect(html).toContain('value="ada.lovelace@example.org"');
    expect(html).toContain('role="alert"');
  });
});
