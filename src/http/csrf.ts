/**
 * Cross-site post protection for the browser form: a double-submit token. GET /support sets a
 * random value in a SameSite=Strict cookie and in a hidden field; a form post must carry both,
 * equal. Another site can make a browser post the form but cannot make it send our cookie.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const CSRF_COOKIE = "duet_support_csrf";

export function newCsrfToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The cookie's value, or undefined. */
export function readCsrfCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) return rest.join("=");
  }
  return undefined;
}

export function csrfCookieHeader(token: string, path: string, secure: boolean): string {
  return `${CSRF_COOKIE}=${token}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=86400${secure ? "; Secure" : ""}`;
}

export function isCsrfValid(req: IncomingMessage, field: unknown): boolean {
  const cookie = readCsrfCookie(req);
  if (!cookie || typeof field !== "string" || cookie.length !== field.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(field));
}

/** Whether the request reached us over TLS (directly or through a proxy that says so). */
export function isSecure(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers["x-forwarded-proto"] === "https";
}
