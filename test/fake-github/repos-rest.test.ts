import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./index.js";
import { octokitFor } from "./octokit.js";

let fake: FakeGitHub;
let octokit: ReturnType<typeof octokitFor>;
const repo = { owner: "duet", repo: "support" };

beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.addRepo("duet", "support");
  octokit = octokitFor(fake.url);
});
afterEach(() => fake.close());

describe("labels", () => {
  it("pages repository labels up to 100 at a time", async () => {
    for (let i = 0; i < 130; i++) fake.addLabel("duet", "support", `component: c${i}`);
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
    expect(labels).toHaveLength(130);
  });

  it.each([
    ["a name over 50 characters", { name: "x".repeat(51), color: "ff0000" }, "name", "invalid"],
    ["a name that exists in another case", { name: "TIER: L1", color: "ff0000" }, "name", "already_exists"],
    ["a colour that is not hex", { name: "tier: L2", color: "red" }, "color", "invalid"],
  ])("refuses a label with %s", async (_description, body, field, code) => {
    fake.addLabel("duet", "support", "tier: L1");
    await expect(octokit.rest.issues.createLabel({ ...repo, ...body })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "Validation Failed", errors: [{ field, code }] } },
    });
  });

  it("reads labels by name case-insensitively and updates colour and description", async () => {
    await octokit.rest.issues.createLabel({ ...repo, name: "tier: L1", color: "#0E8A16", description: "first line" });
    const { data } = await octokit.rest.issues.getLabel({ ...repo, name: "TIER: l1" });
    expect(data).toMatchObject({ name: "tier: L1", color: "0e8a16", description: "first line" });
    const { data: updated } = await octokit.rest.issues.updateLabel({ ...repo, name: "tier: L1", color: "ffffff", description: "L1" });
    expect(updated).toMatchObject({ color: "ffffff", description: "L1" });
  });

  it("answers 404 when removing a label the issue does not have", async () => {
    fake.addIssue("duet", "support", { title: "t" });
    await expect(octokit.rest.issues.removeLabel({ ...repo, issue_number: 1, name: "tier: L1" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("contents and configuration", () => {
  it("serves the config file to Probot's context.config, following _extends to the org's .github repo", async () => {
    fake.addRepo("duet", ".github");
    fake.setFile("duet", ".github", ".github/duet-support.yml", "board:\n  owner: duet\n  number: 1\nsla:\n  warn: 75\n");
    fake.setFile("duet", "support", ".github/duet-support.yml", "_extends: .github\nsla:\n  warn: 80\n");
    const { config } = await octokit.config.get({ ...repo, path: ".github/duet-support.yml" });
    expect(config).toEqual({ board: { owner: "duet", number: 1 }, sla: { warn: 80 } });
  });

  it("reports no config when the file is missing", async () => {
    const { config } = await octokit.config.get({ ...repo, path: ".github/duet-support.yml" });
    expect(config).toEqual({});
  });

  it("creates a file with PUT and requires the current sha to replace it", async () => {
    const content = Buffer.from("# FAQ\n").toString("base64");
    const created = await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "docs/FAQ.md", message: "add", content });
    expect(created.status).toBe(201);
    await expect(octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "docs/FAQ.md", message: "again", content })).rejects.toMatchObject({
      status: 422,
    });
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: "docs/FAQ.md" });
    expect(data).toMatchObject({ type: "file", encoding: "base64", sha: created.data.content?.sha });
    expect(Buffer.from((data as { content: string }).content, "base64").toString()).toBe("# FAQ\n");
  });
});

describe("people", () => {
  it.each([
    ["an admin", "admin", "admin"],
    ["a writer", "write", "write"],
    ["a maintainer, reported as write", "maintain", "write"],
    ["a reader", "read", "read"],
  ] as const)("reports the permission of %s", async (_description, given, reported) => {
    fake.setPermission("duet", "support", "alice", given);
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "alice" });
    expect(data).toMatchObject({ permission: reported, role_name: given, user: { login: "alice" } });
  });

  it("answers 404 for the permission of a login that is not a user", async () => {
    await expect(octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "ghost-user" })).rejects.toMatchObject({ status: 404 });
  });

  it("lists team members and answers 404 for non-members and unknown teams", async () => {
    fake.addTeam("duet", "support-atc", ["alice", "bob"]);
    const { data } = await octokit.rest.teams.listMembersInOrg({ org: "duet", team_slug: "support-atc" });
    expect(data.map((user) => user.login)).toEqual(["alice", "bob"]);
    const { data: membership } = await octokit.rest.teams.getMembershipForUserInOrg({ org: "duet", team_slug: "support-atc", username: "bob" });
    expect(membership).toMatchObject({ role: "member", state: "active" });
    await expect(octokit.rest.teams.getMembershipForUserInOrg({ org: "duet", team_slug: "support-atc", username: "carol" })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.teams.listMembersInOrg({ org: "duet", team_slug: "support-imec" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("a change proposed as a pull request", () => {
  it("creates a branch from main, commits a file to it and opens a pull request findable by head", async () => {
    fake.addIssue("duet", "support", { title: "an issue takes number 1" });
    const { data: main } = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/faq-update", sha: main.object.sha });
    await octokit.rest.repos.createOrUpdateFileContents({ ...repo, path: "FAQ.md", message: "faq", content: Buffer.from("Q").toString("base64"), branch: "faq-update" });
    const { data: pull } = await octokit.rest.pulls.create({ ...repo, title: "Update FAQ", head: "faq-update", base: "main" });
    expect(pull).toMatchObject({ number: 2, state: "open", head: { ref: "faq-update" }, base: { ref: "main" } });
    const { data: found } = await octokit.rest.pulls.list({ ...repo, head: "duet:faq-update" });
    expect(found.map((item) => item.number)).toEqual([2]);
    await expect(octokit.rest.repos.getContent({ ...repo, path: "FAQ.md" })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.git.createRef({ ...repo, ref: "refs/heads/faq-update", sha: main.object.sha })).rejects.toMatchObject({ status: 422 });
  });
});

describe("the app and the server", () => {
  it("finds the installation of a repository and issues a token for it", async () => {
    const { data: installation } = await octokit.rest.apps.getRepoInstallation(repo);
    expect(installation).toMatchObject({ app_slug: "duet-support", account: { login: "duet" } });
    const { data: token } = await octokit.rest.apps.createInstallationAccessToken({ installation_id: installation.id });
    const asInstallation = octokitFor(fake.url, token.token);
    const { data: repos } = await asInstallation.rest.apps.listReposAccessibleToInstallation();
    expect(repos.repositories.map((item) => item.full_name)).toEqual(["duet/support"]);
  });

  it("serves the same routes under the /api/v3 prefix Probot uses with GHE_HOST", async () => {
    const enterprise = octokitFor(`${fake.url}/api/v3`);
    const { data } = await enterprise.rest.repos.get(repo);
    expect(data.full_name).toBe("duet/support");
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: "/repos/duet/support", url: "/api/v3/repos/duet/support" });
  });

  it("answers unknown routes 404 and logs them", async () => {
    await expect(octokit.request("GET /repos/{owner}/{repo}/milestones", repo)).rejects.toMatchObject({ status: 404 });
    expect(fake.requests.at(-1)).toMatchObject({ path: "/repos/duet/support/milestones", status: 404 });
  });

  it("fails every request with failWith(502) and recovers with failWith(null)", async () => {
    fake.failWith(502);
    await expect(octokit.rest.repos.get(repo)).rejects.toMatchObject({ status: 502 });
    await expect(octokit.graphql("{ viewer { login } }")).rejects.toMatchObject({ status: 502 });
    expect(fake.requests.map((request) => request.status)).toEqual([502, 502]);
    fake.failWith(null);
    await expect(octokit.rest.repos.get(repo)).resolves.toMatchObject({ status: 200 });
  });
});
