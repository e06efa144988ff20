/**
 * The web form's routes (SPEC §3 "HTTP") as one Probot-style handler: `(req, res)` resolves true
 * when it answered, false when the request is not ours (Probot then tries its other handlers).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type RouteContext, type SupportRoutesDeps, createRouteContext, sendJson } from "./context.js";
import { answerPreflight } from "./cors.js";
import { getRequestStatus } from "./routes/get-request-status.js";
import { getSupportPage } from "./routes/get-support-page.js";
import { postSupportRequest } from "./routes/post-support-request.js";

export type { SupportRoutesDeps, WebFormLimits } from "./context.js";

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function supportRoutes(deps: SupportRoutesDeps): NodeHandler {
  const ctx = createRouteContext(deps);
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname.replace(/\/+$/, "") || "/";
    const route = matchRoute(ctx, req.method ?? "GET", path);
    if (!route) return false;
    try {
      await route(req, res);
    } catch (error) {
      deps.log?.error({ err: error instanceof Error ? error.message : String(error), path }, "web-form route failed");
      if (!res.headersSent) sendJson(res, 500, { error: "internal", message: "Something went wrong; please try again." });
      else res.end();
    }
    return true;
  };
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

function matchRoute(ctx: RouteContext, method: string, path: string): Route | undefined {
  const base = ctx.basePath;
  const notAllowed = (allow: string): Route => (_req, res) => sendJson(res, 405, { error: "method-not-allowed" }, { allow });
  if (path === base) {
    return method === "GET" || method === "HEAD" ? (req, res) => getSupportPage(req, res, ctx) : notAllowed("GET");
  }
  if (path === `${base}/requests`) {
    if (method === "POST") return (req, res) => postSupportRequest(req, res, ctx);
    if (method === "OPTIONS") return (req, res) => answerPreflight(req, res, ctx.origins);
    return notAllowed("POST, OPTIONS");
  }
  const status = path.startsWith(`${base}/requests/`) ? path.slice(base.length + "/requests/".length) : undefined;
  if (status && !status.includes("/")) {
    if (method === "GET") return (req, res) => getRequestStatus(req, res, ctx, decodeURIComponent(status));
    if (method === "OPTIONS") return (req, res) => answerPreflight(req, res, ctx.origins);
    return notAllowed("GET, OPTIONS");
  }
  return undefined;
}
