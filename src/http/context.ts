/**
 * What every web-form route shares: its dependencies with defaults filled in, and small response
 * writers. Built once by supportRoutes().
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../core/config/schema.js";
import type { SanitiseOptions } from "../core/intake/sanitise.js";
import type { Store } from "../store/open-store.js";
import type { Submission } from "../store/outbox.js";
import { DEFAULT_RETENTION, type RetentionPolicy } from "../store/retention.js";
import { DEFAULT_RATE_LIMIT, type RateLimit, RateLimiter } from "./rate-limit.js";

export interface WebFormLimits {
  /** Largest accepted request body (SPEC §3: 413 above it). */
  bodyBytes: number;
  rate: RateLimit;
  /** How long a post waits for its issue before answering "queued"; 0 answers at once. */
  inlineDeliveryMs: number;
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: WebFormLimits = { bodyBytes: 32 * 1024, rate: DEFAULT_RATE_LIMIT, inlineDeliveryMs: 3_000, trustProxy: false };

export interface Logger {
  info(data: object, msg: string): void;
  warn(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

export interface SupportRoutesDeps {
  store: Pick<Store, "outbox">;
  /** The support repository's configuration (components, impacts). */
  config: () => Promise<Config> | Config;
  /** `SUPPORT_REPO`: where issues are created. */
  repo: { owner: string; repo: string };
  /** Tries a fresh submission at once; without it posts only queue. */
  worker?: { deliver(id: string): Promise<Submission | undefined> } | undefined;
  now: () => Date;
  limits?: Partial<WebFormLimits> | undefined;
  /** `SUPPORT_ALLOWED_ORIGINS`: origins whose scripts may post JSON. */
  origins?: readonly string[] | undefined;
  retention?: RetentionPolicy | undefined;
  log?: Logger | undefined;
  sanitise?: SanitiseOptions | undefined;
  /** Where the routes live; SPEC §3 fixes "/support". */
  basePath?: string | undefined;
}

export interface RouteContext {
  deps: SupportRoutesDeps;
  limits: WebFormLimits;
  origins: readonly string[];
  retention: RetentionPolicy;
  rateLimiter: RateLimiter;
  basePath: string;
}

export function createRouteContext(deps: SupportRoutesDeps): RouteContext {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  return {
    deps,
    limits,
    origins: deps.origins ?? [],
    retention: deps.retention ?? DEFAULT_RETENTION,
    rateLimiter: new RateLimiter(limits.rate),
    basePath: (deps.basePath ?? "/support").replace(/\/+$/, ""),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** The status a submission shows to anyone holding its reference: no personal data, no text. */
export function publicStatus(submission: Submission): { id: string; status: Submission["status"]; issue?: { number: number; url: string } } {
  return { id: submission.id, status: submission.status, ...(submission.issue && { issue: submission.issue }) };
}
