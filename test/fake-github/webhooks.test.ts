import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { sendWebhook, signWebhook } from "./webhooks.js";

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
    response.writeHead(request.headers["x-github-event"] === "ping" ? 200 : 202).end();
  });
});

afterEach(() => {
  received.length = 0;
});
afterAll(() => {
  receiver.close();
});

async function receiverUrl(): Promise<string> {
  if (!receiver.listening) await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/github/webhooks`;
}

describe("webhooks", () => {
  it("signs a payload so that GitHub's own verifier accepts it", async () => {
    const payload = JSON.stringify({ action: "opened", issue: { number: 1 } });
    const signature = signWebhook("s3cret", payload);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    await expect(verify("s3cret", payload, signature)).resolves.toBe(true);
    await expect(verify("other", payload, signature)).resolves.toBe(false);
  });

  it("delivers with GitHub's headers, a verifiable signature, and returns the receiver's status", async () => {
    const payload = { action: "opened", issue: { number: 7, title: "Ω broken" } };
    const status = await sendWebhook({ url: await receiverUrl(), secret: "s3cret", event: "issues", payload, deliveryId: "d-1" });
    expect(status).toBe(202);
    const [delivery] = received;
    expect(delivery?.headers).toMatchObject({ "x-github-event": "issues", "x-github-delivery": "d-1", "content-type": "application/json" });
    expect(JSON.parse(delivery!.body)).toEqual(payload);
    await expect(verify("s3cret", delivery!.body, String(delivery!.headers["x-hub-signature-256"]))).resolves.toBe(true);
  });
});
