/**
 * Delivers a webhook as GitHub does: JSON body, X-GitHub-Event, X-GitHub-Delivery and an
 * HMAC-SHA256 signature of the exact bytes sent.
 */
import { createHmac, randomUUID } from "node:crypto";

/** `sha256=<hex>` over the payload text (objects are JSON-encoded first). */
export function signWebhook(secret: string, payload: string | object): string {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  return `sha256=${createHmac("sha256", secret).update(text).digest("hex")}`;
}

export interface WebhookDelivery {
  /** the app's webhook URL, e.g. http://127.0.0.1:3000/api/github/webhooks */
  url: string;
  secret: string;
  /** X-GitHub-Event: "issues", "issue_comment", … (the action is in the payload) */
  event: string;
  payload: object;
  deliveryId?: string;
}

/** POSTs the delivery and returns the HTTP status the receiver answered. */
export async function sendWebhook(delivery: WebhookDelivery): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const response = await fetch(delivery.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/fake",
      "x-github-event": delivery.event,
      "x-github-delivery": delivery.deliveryId ?? randomUUID(),
      "x-hub-signature-256": signWebhook(delivery.secret, body),
    },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}
