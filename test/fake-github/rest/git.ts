/**
 * Git data for proposing a change as a pull request: read a branch ref, create a branch,
 * open a pull request (which takes the next issue number) and find pull requests by head.
 */
import type { FakeIssue, FakeRepo } from "../model.js";
import { associationOf } from "../issue-changes.js";
import type { FakeRequest, Router } from "../router.js";
import { bodyObject, findRepo, isResponse, notFound, unprocessable, validationFailed } from "./errors.js";
import { pagedResponse } from "./paging.js";
import { repoApiUrl, repoShape, userShape } from "./shapes.js";

function refShape(request: FakeRequest, repo: FakeRepo, branch: string, sha: string) {
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${Buffer.from(`${repo.id}:${branch}`).toString("base64url")}`,
    url: `${repoApiUrl(request.state, repo)}/git/refs/heads/${branch}`,
    object: { sha, type: "commit", url: `${repoApiUrl(request.state, repo)}/git/commits/${sha}` },
  };
}

function pullShape(request: FakeRequest, repo: FakeRepo, pull: FakeIssue) {
  const { state } = request;
  const info = pull.pull!;
  const html = `${state.webUrl}/${repo.owner.login}/${repo.name}/pull/${pull.number}`;
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: userShape(state, repo.owner),
    repo: repoShape(state, repo),
  });
  return {
    url: `${repoApiUrl(state, repo)}/pulls/${pull.number}`,
    id: pull.id,
    node_id: pull.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${repoApiUrl(state, repo)}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userShape(state, pull.user),
    body: pull.body,
    labels: [],
    milestone: null,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.closed_at,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    head: side(info.head, info.headSha),
    base: side(info.base, info.baseSha),
    author_association: pull.author_association,
    draft: info.draft,
    merged: false,
  };
}

export function registerGitRoutes(router: Router): void {
  router.get("/repos/:owner/:repo/git/ref/*ref", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const branch = request.params.ref!.replace(/^heads\//, "");
    const sha = request.params.ref!.startsWith("heads/") ? repo.branches.get(branch) : undefined;
    return sha ? { status: 200, body: refShape(request, repo, branch, sha) } : notFound();
  });

  router.post("/repos/:owner/:repo/git/refs", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const body = bodyObject(request) ?? {};
    if (typeof body.ref !== "string" || !body.ref.startsWith("refs/heads/")) {
      return unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (typeof body.sha !== "string" || !repo.commits.has(body.sha)) return unprocessable("Object does not exist");
    const branch = body.ref.slice("refs/heads/".length);
    if (repo.branches.has(branch)) return unprocessable("Reference already exists");
    repo.branches.set(branch, body.sha);
    return { status: 201, body: refShape(request, repo, branch, body.sha) };
  });

  router.post("/repos/:owner/:repo/pulls", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const body = bodyObject(request) ?? {};
    if (typeof body.title !== "string" || body.title === "") return validationFailed({ resource: "PullRequest", field: "title", code: "missing_field" });
    const head = String(body.head ?? "").replace(/^[^:]+:/, "");
    const base = String(body.base ?? repo.default_branch);
    const headSha = repo.branches.get(head);
    const baseSha = repo.branches.get(base);
    if (!headSha) return validationFailed({ resource: "PullRequest", field: "head", code: "invalid" });
    if (!baseSha) return validationFailed({ resource: "PullRequest", field: "base", code: "invalid" });
    const open = repo.issues.find((issue) => issue.pull?.head === head && issue.state === "open");
    if (open) {
      return validationFailed({ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repo.owner.login}:${head}.` });
    }
    const { state, actor } = request;
    const now = state.nowIso();
    const pull = state.insertIssue(repo, {
      title: body.title,
      body: typeof body.body === "string" ? body.body : null,
      state: "open",
      state_reason: null,
      labels: [],
      assignees: [],
      user: actor,
      created_at: now,
      updated_at: now,
      closed_at: null,
      author_association: associationOf(state, repo, actor),
      pull: { head, headSha, base, baseSha, draft: body.draft === true },
    });
    return { status: 201, body: pullShape(request, repo, pull) };
  });

  router.get("/repos/:owner/:repo/pulls", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const { head, base } = request.query;
    const wanted = request.query.state ?? "open";
    const pulls = repo.issues.filter(
      (issue) =>
        issue.pull &&
        (wanted === "all" || issue.state === wanted) &&
        (!head || `${repo.owner.login}:${issue.pull.head}`.toLowerCase() === head.toLowerCase()) &&
        (!base || issue.pull.base === base),
    );
    return pagedResponse(request, pulls, (pull) => pullShape(request, repo, pull));
  });
}
