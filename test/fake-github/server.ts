/**
 * The loopback HTTP server: serves REST at the root and under /api/v3, GraphQL at /graphql and
 * /api/graphql, logs every request, and can be told to fail everything (failWith).
 */
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handleGraphQL } from "./graphql/endpoint.js";
import type { FakeUser } from "./model.js";
import { registerAppRoutes } from "./rest/apps.js";
import { registerCommentRoutes } from "./rest/comments.js";
import { notFound } from "./rest/errors.js";
import { registerGitRoutes } from "./rest/git.js";
import { registerIssueRoutes } from "./rest/issues.js";
import { registerLabelRoutes } from "./rest/labels.js";
import { registerRepoRoutes } from "./rest/repos.js";
import { registerTeamRoutes } from "./rest/teams.js";
import { type FakeRequest, type FakeResponse, Router } from "./router.js";
import { FakeState } from "./state.js";

export interface LoggedRequest {
  method: string;
  /** decoded, without the /api/v3 prefix and query string: "/repos/duet/support/labels/tier: L1", "/graphql" */
  path: string;
  /** the path and query exactly as received */
  url: string;
  query: Record<string, string>;
  /** parsed JSON, else the text, else undefined */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  /** the error body the fake answered (status >= 400), for debugging a failing test */
  response?: unknown;
}

function buildRouter(): Router {
  const router = new Router();
  // Comment routes first: /issues/comments/:id must win over /issues/:number.
  registerCommentRoutes(router);
  for (const register of [registerAppRoutes, registerRepoRoutes, registerLabelRoutes, registerIssueRoutes, registerTeamRoutes, registerGitRoutes]) {
    register(router);
  }
  router.post("/graphql", handleGraphQL);
  return router;
}

function normalisePath(pathname: string): string {
  if (pathname === "/api/graphql") return "/graphql";
  if (pathname === "/api/v3" || pathname.startsWith("/api/v3/")) return pathname.slice("/api/v3".length) || "/";
  return pathname;
}

/** Logged paths read as names do ("/labels/tier: L1"); a malformed escape is kept as sent. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Who the Authorization header speaks for: an app JWT and unknown tokens act as the app's bot. */
function identify(state: FakeState, authorization: string | undefined): { actor: FakeUser; installationId: number | null } {
  const token = authorization?.replace(/^(token|bearer)\s+/i, "");
  const known = token ? state.tokens.get(token) : undefined;
  if (!known) return { actor: state.bot, installationId: null };
  return { actor: state.user(known.login), installationId: known.installationId };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export interface ServerControls {
  state: FakeState;
  requests: LoggedRequest[];
  failStatus: number | null;
}

export function createFakeServer(controls: ServerControls) {
  const router = buildRouter();
  let requestCount = 0;
  return createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    void (async () => {
      const { state } = controls;
      const url = new URL(incoming.url ?? "/", state.webUrl);
      const method = (incoming.method ?? "GET").toUpperCase();
      const path = normalisePath(url.pathname);
      const body = parseBody(await readBody(incoming));
      const query = Object.fromEntries(url.searchParams);
      let response: FakeResponse;
      if (controls.failStatus !== null) {
        response = { status: controls.failStatus, body: { message: `fake-github: failing with ${controls.failStatus}` } };
      } else {
        const match = router.find(method, path);
        if (!match) {
          response = notFound();
        } else {
          const request: FakeRequest = {
            method,
            path,
            params: match.params,
            query,
            body,
            headers: incoming.headers,
            state,
            url: new URL(`${url.pathname}${url.search}`, state.webUrl),
            ...identify(state, incoming.headers.authorization),
          };
          try {
            response = await match.handler(request);
          } catch (error) {
            response = { status: 500, body: { message: `fake-github: ${(error as Error).stack ?? String(error)}` } };
          }
        }
      }
      controls.requests.push({ method, path: decodedPath(path), url: incoming.url ?? "/", query, body, headers: { ...incoming.headers }, status: response.status, ...(response.status >= 400 ? { response: response.body } : {}) });
      const reset = Math.floor(state.now().getTime() / 1000) + 3600;
      requestCount++;
      const headers: Record<string, string> = {
        "x-github-request-id": `FAKE:${requestCount}`,
        "x-github-media-type": "github.v3; format=json",
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "4999",
        "x-ratelimit-used": "1",
        "x-ratelimit-reset": String(reset),
        "x-ratelimit-resource": path === "/graphql" ? "graphql" : "core",
        ...response.headers,
      };
      if (response.raw) {
        outgoing.writeHead(response.status, { ...headers, "content-type": response.raw.contentType });
        outgoing.end(response.raw.text);
      } else if (response.status === 204 || response.body === undefined) {
        outgoing.writeHead(response.status, headers);
        outgoing.end();
      } else {
        outgoing.writeHead(response.status, { ...headers, "content-type": "application/json; charset=utf-8" });
        outgoing.end(JSON.stringify(response.body));
      }
    })();
  });
}

export async function listen(server: ReturnType<typeof createFakeServer>, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
