/** A Probot instance for handler tests: retries and throttling off, nock-friendly, with our app loaded. */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { createApp, type AppOptions } from "../../src/app.js";
import { INSTALLATION_ID } from "../fixtures/webhooks.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

export const API = "https://api.github.com";

export async function createTestProbot(options: AppOptions = {}): Promise<Probot> {
  const probot = new Probot({
    appId: 123456,
    privateKey,
    secret: "test-secret",
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.load(createApp(options), { cwd: process.cwd(), addHandler: () => {} });
  return probot;
}

/** Every handled event starts with an installation token. */
export function nockToken(scope = nock(API)): nock.Scope {
  return scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, {
    token: "ghs_test",
    expires_at: "2099-01-01T00:00:00Z",
    permissions: { issues: "write", contents: "read", members: "read", metadata: "read" },
  });
}

/** Counts what reached GitHub, split into reads and writes (GraphQL mutations count as writes). */
export function requestCounter(): { reads: number; writes: number; log: string[] } {
  const counter = { reads: 0, writes: 0, log: [] as string[] };
  const listener = (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
    if (req.path.includes("/access_tokens")) return;
    const isWrite = req.method !== "GET" && !(req.path.endsWith("/graphql") && !/^\s*\{?\s*"query"\s*:\s*"\s*mutation/.test(body ?? ""));
    if (isWrite) counter.writes++;
    else counter.reads++;
    counter.log.push(`${req.method} ${req.path}`);
  };
  nock.emitter.on("request", listener as never);
  return counter;
}
