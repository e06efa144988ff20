/**
 * Repository routes: the repository itself, the contents API (base64 JSON or raw, as Probot's
 * context.config asks for) and collaborator permissions (404 for logins the fake never saw).
 */
import type { FakeFile, FakeRepo } from "../model.js";
import { commitFile, filesAt } from "../repo-files.js";
import type { FakeRequest, FakeResponse, Router } from "../router.js";
import { bodyObject, conflict, findRepo, isResponse, notFound, unprocessable, validationFailed } from "./errors.js";
import { repoApiUrl, repoShape, userShape } from "./shapes.js";

export function registerRepoRoutes(router: Router): void {
  router.get("/repos/:owner/:repo", (request) => {
    const repo = findRepo(request);
    return isResponse(repo) ? repo : { status: 200, body: repoShape(request.state, repo) };
  });

  router.get("/repos/:owner/:repo/contents/*path", getContents);
  router.put("/repos/:owner/:repo/contents/*path", putContents);

  router.get("/repos/:owner/:repo/collaborators/:user/permission", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const { state } = request;
    const login = request.params.user!;
    if (!state.knowsUser(login)) return notFound();
    const permission = state.permissionOf(repo, login);
    // GitHub's legacy `permission` folds maintain into write and triage into read.
    const legacy = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
    return {
      status: 200,
      body: {
        permission: legacy,
        role_name: permission,
        user: { ...userShape(state, state.user(login)), permissions: permissionFlags(permission), role_name: permission },
      },
    };
  });

  router.get("/repos/:owner/:repo/collaborators/:user", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    return repo.permissions.has(request.params.user!.toLowerCase()) ? { status: 204 } : notFound();
  });
}

function permissionFlags(permission: string) {
  const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(permission);
  return { pull: rank >= 1, triage: rank >= 2, push: rank >= 3, maintain: rank >= 4, admin: rank >= 5 };
}

function wantsRaw(request: FakeRequest): boolean {
  return /vnd\.github(\.v3)?\.raw/.test(String(request.headers.accept ?? ""));
}

function fileShape(request: FakeRequest, repo: FakeRepo, path: string, file: FakeFile, ref: string) {
  const api = `${repoApiUrl(request.state, repo)}/contents/${path}?ref=${ref}`;
  const html = `${request.state.webUrl}/${repo.owner.login}/${repo.name}/blob/${ref}/${path}`;
  const git = `${repoApiUrl(request.state, repo)}/git/blobs/${file.sha}`;
  const base64 = Buffer.from(file.content, "utf8").toString("base64");
  return {
    type: "file",
    encoding: "base64",
    size: Buffer.byteLength(file.content),
    name: path.split("/").pop(),
    path,
    // GitHub wraps base64 content at 60 characters.
    content: (base64.match(/.{1,60}/g) ?? [""]).join("\n") + "\n",
    sha: file.sha,
    url: api,
    git_url: git,
    html_url: html,
    download_url: `${request.state.webUrl}/raw/${repo.owner.login}/${repo.name}/${ref}/${path}`,
    _links: { self: api, git, html },
  };
}

function getContents(request: FakeRequest): FakeResponse {
  const repo = findRepo(request);
  if (isResponse(repo)) return repo;
  const ref = request.query.ref ?? repo.default_branch;
  const files = filesAt(repo, ref);
  if (!files) return notFound(`No commit found for the ref ${ref}`);
  const path = request.params.path!.replace(/\/+$/, "");
  const file = files.get(path);
  if (file) {
    if (wantsRaw(request)) {
      return { status: 200, raw: { text: file.content, contentType: "application/vnd.github.raw; charset=utf-8" } };
    }
    return { status: 200, body: fileShape(request, repo, path, file, ref) };
  }
  const children = [...files.entries()].filter(([name]) => name.startsWith(`${path}/`));
  if (children.length === 0) return notFound();
  // A directory: GitHub lists its entries (files only here), always as JSON.
  return { status: 200, body: children.map(([name, child]) => fileShape(request, repo, name, child, ref)) };
}

function putContents(request: FakeRequest): FakeResponse {
  const repo = findRepo(request);
  if (isResponse(repo)) return repo;
  const body = bodyObject(request) ?? {};
  if (typeof body.message !== "string") return validationFailed({ resource: "Commit", field: "message", code: "missing_field" });
  if (typeof body.content !== "string") return validationFailed({ resource: "Commit", field: "content", code: "missing_field" });
  const branch = typeof body.branch === "string" ? body.branch : repo.default_branch;
  const files = filesAt(repo, branch);
  if (!repo.branches.has(branch) || !files) return notFound(`Branch ${branch} not found`);
  const path = request.params.path!;
  const existing = files.get(path);
  if (existing && body.sha === undefined) return unprocessable('Invalid request.\n\n"sha" wasn\'t supplied.');
  if (existing && body.sha !== existing.sha) return conflict(`${path} does not match ${String(body.sha)}`);
  const file = commitFile(request.state, repo, branch, path, Buffer.from(body.content, "base64").toString("utf8"));
  const commitSha = repo.branches.get(branch)!;
  return {
    status: existing ? 200 : 201,
    body: {
      content: fileShape(request, repo, path, file, branch),
      commit: {
        sha: commitSha,
        node_id: `C_${commitSha.slice(0, 12)}`,
        url: `${repoApiUrl(request.state, repo)}/git/commits/${commitSha}`,
        html_url: `${request.state.webUrl}/${repo.owner.login}/${repo.name}/commit/${commitSha}`,
        message: body.message,
      },
    },
  };
}
