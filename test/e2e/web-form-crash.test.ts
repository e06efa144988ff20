import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readWebFormKey } from "../../src/core/intake/render-body.js";
import { type FakeGitHub, startFakeGitHub } from "../fake-github/index.js";
import { REPO, VALID_REQUEST, listen, requestsCarrying } from "../http/web-form-harness.js";

const CHILD = join(import.meta.dirname, "web-form-child.ts");

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function spawnServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`child exited with ${code} before listening`)));
  });
  return { child, url };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function setup() {
  const fake = await startFakeGitHub();
  fake.addRepo(REPO.owner, REPO.repo);
  const dir = mkdtempSync(join(tmpdir(), "duet-crash-"));
  cleanups.push(() => fake.close(), () => rmSync(dir, { recursive: true, force: true }));
  return { fake, databasePath: join(dir, "duet-support.db") };
}

async function post(url: string, i: number): Promise<{ status: number; id: string }> {
  const res = await fetch(`${url}/support/requests`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...VALID_REQUEST, name: `Crash Reporter${i}`, email: `crash${i}@example.org`, whatHappened: `Crash case ${i}` }),
  });
  return { status: res.status, id: ((await res.json()) as { id: string }).id };
}

async function waitForIssues(fake: FakeGitHub, count: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (fake.state.requireRepo(REPO.owner, REPO.repo).issues.length >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // any duplicate would arrive now
}

function issueKeys(fake: FakeGitHub): (string | undefined)[] {
  return fake.state.requireRepo(REPO.owner, REPO.repo).issues.map((issue) => readWebFormKey(issue.body));
}

describe("web form crash safety (SIGKILL)", () => {
  it("killed right after its 202s while GitHub is down, it loses nothing and duplicates nothing after restart", async () => {
    const { fake, databasePath } = await setup();
    fake.failWith(502);
    const first = await spawnServer({ DATABASE_PATH: databasePath, GITHUB_API_URL: fake.url, INLINE_DELIVERY_MS: "2000" });
    const accepted = [];
    for (let i = 0; i < 20; i++) accepted.push(await post(first.url, i));
    first.child.kill("SIGKILL");
    await killed(first.child);
    expect(accepted.map((a) => a.status)).toEqual(Array(20).fill(202));

    fake.failWith(null);
    await spawnServer({ DATABASE_PATH: databasePath, GITHUB_API_URL: fake.url });
    await waitForIssues(fake, 20);
    expect(issueKeys(fake).sort()).toEqual(accepted.map((a) => a.id).sort());
    expect(requestsCarrying(fake, "Crash Reporter", "@example.org")).toEqual([]);
  });

  it("killed after GitHub created an issue but before the app recorded it, the restart finds it instead of creating it again", async () => {
    const { fake, databasePath } = await setup();
    let child: ChildProcess | undefined;
    let creates = 0;
    // A proxy in front of the fake: it lets the first create through to GitHub, then kills the
    // app before the answer reaches it.
    const proxy = createServer((req, res) => {
      const upstream = request(`${fake.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        if (req.method === "POST" && /\/issues$/.test(req.url ?? "") && ++creates === 1) {
          answer.resume();
          child?.kill("SIGKILL");
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    const proxyUrl = await listen(proxy);
    cleanups.push(() => {
      proxy.closeAllConnections();
      proxy.close();
    });

    const first = await spawnServer({ DATABASE_PATH: databasePath, GITHUB_API_URL: proxyUrl, INLINE_DELIVERY_MS: "0" });
    child = first.child;
    const accepted = await post(first.url, 1);
    expect(accepted.status).toBe(202);
    await killed(first.child);
    expect(issueKeys(fake)).toEqual([accepted.id]); // GitHub has it; the app never heard

    const second = await spawnServer({ DATABASE_PATH: databasePath, GITHUB_API_URL: fake.url });
    expect(await waitForStatus(second.url, accepted.id)).toMatchObject({ status: "created", issue: { number: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 200)); // a duplicate create would arrive now
    expect(issueKeys(fake)).toEqual([accepted.id]);
  });
});

/** Polls the public status endpoint until the submission leaves "queued". */
async function waitForStatus(url: string, id: string): Promise<unknown> {
  let last: { status?: string } = {};
  for (let i = 0; i < 400 && (last.status ?? "queued") === "queued"; i++) {
    last = (await (await fetch(`${url}/support/requests/${id}`)).json()) as { status?: string };
    if (last.status === "queued") await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return last;
}
