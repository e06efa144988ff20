import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./index.js";

let fake: FakeGitHub;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(() => fake.close());

describe("a Probot app authenticated as the GitHub App", () => {
  it("gets an installation token, reads its config and writes through the fake as GHE_HOST would", async () => {
    const repo = fake.addRepo("duet", "support");
    fake.setFile("duet", "support", ".github/duet-support.yml", "reply: Thanks\n");
    fake.addIssue("duet", "support", { title: "Map is blank", user: "reporter" });
    const probot = new Probot({
      appId: 4242,
      privateKey,
      baseUrl: `${fake.url}/api/v3`,
      logLevel: "fatal",
      Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
    });
    const seen: unknown[] = [];
    probot.load((app) => {
      app.on("issues.opened", async (context) => {
        const config = await context.config<{ reply: string }>("duet-support.yml");
        await context.octokit.rest.issues.createComment(context.issue({ body: config?.reply ?? "none" }));
        seen.push(await context.octokit.graphql("{ repository(owner: \"duet\", name: \"support\") { issue(number: 1) { comments(first: 5) { nodes { body author { login } } } } } }"));
      });
    });
    await probot.receive({
      id: "delivery-1",
      name: "issues",
      payload: {
        action: "opened",
        issue: { number: 1 },
        repository: { name: "support", owner: { login: "duet" } },
        installation: { id: repo.installationId },
      },
    } as never);
    expect(seen).toEqual([{ repository: { issue: { comments: { nodes: [{ body: "Thanks", author: { login: "duet-support" } }] } } } }]);
    expect(fake.requests.map((request) => `${request.method} ${request.url.split("?")[0]} ${request.status}`)).toEqual([
      `POST /api/v3/app/installations/${repo.installationId}/access_tokens 201`,
      "GET /api/v3/repos/duet/support/contents/.github%2Fduet-support.yml 200",
      "POST /api/v3/repos/duet/support/issues/1/comments 201",
      "POST /api/graphql 200",
    ]);
  });
});
