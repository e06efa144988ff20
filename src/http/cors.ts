/**
 * CORS for the portal's JSON posts: only origins listed in `SUPPORT_ALLOWED_ORIGINS` get the
 * headers, so other sites' scripts can neither post JSON (the preflight fails) nor read answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[\s,]+/)
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter(Boolean);
}

export function requestOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === "string" && origin !== "null" ? origin : undefined;
}

export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes("*") || allowed.includes(origin);
}

/** Whether the Origin names this server itself (a browser posting our own form). */
export function isSameOrigin(req: IncomingMessage, origin: string): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  const origin = requestOrigin(req);
  if (!origin || !isAllowedOrigin(origin, allowed)) return;
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("vary", "Origin");
}

/** Answers an OPTIONS preflight; 204 with the allowances for a listed origin, 403 otherwise. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  const origin = requestOrigin(req);
  if (!origin || !isAllowedOrigin(origin, allowed)) {
    res.writeHead(403, { vary: "Origin" }).end();
    return;
  }
  res.writeHead(204, {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": "POST, GET, OPTIONS",
    "access-control-allow-headers": "content-type, idempotency-key",
    "access-control-max-age": "600",
    vary: "Origin",
  });
  res.end();
}
