/** GET /support/requests/<id>: a submission's status for whoever holds its reference; no personal data. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type RouteContext, publicStatus, sendJson } from "../context.js";
import { applyCors } from "../cors.js";

export function getRequestStatus(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, id: string): void {
  applyCors(req, res, ctx.origins);
  const submission = ctx.deps.store.outbox.get(id);
  if (!submission) {
    sendJson(res, 404, { error: "not-found", message: "No request has this reference." });
    return;
  }
  sendJson(res, 200, publicStatus(submission));
}
