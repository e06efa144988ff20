/**
 * Issue comments, issue events and the REST timeline (events and comments by time). Comment
 * writes stamp fake.now() and count as activity (updated_at), as on GitHub.
 */
import type { FakeComment, FakeIssue, FakeRepo } from "../model.js";
import { nodeId } from "../model.js";
import { associationOf } from "../issue-changes.js";
import type { FakeRequest, FakeResponse, Router } from "../router.js";
import { bodyObject, findIssue, findRepo, isResponse, notFound, validationFailed } from "./errors.js";
import { pagedResponse } from "./paging.js";
import { commentShape, eventShape, userShape } from "./shapes.js";

function findComment(request: FakeRequest): { repo: FakeRepo; issue: FakeIssue; comment: FakeComment } | FakeResponse {
  const repo = findRepo(request);
  if (isResponse(repo)) return repo;
  const id = Number(request.params.id);
  for (const issue of repo.issues) {
    const comment = issue.comments.find((candidate) => candidate.id === id);
    if (comment) return { repo, issue, comment };
  }
  return notFound();
}

function bodyText(request: FakeRequest): string | FakeResponse {
  const body = bodyObject(request)?.body;
  if (typeof body !== "string" || body === "") return validationFailed({ resource: "IssueComment", field: "body", code: "missing_field" });
  if (body.length > 65536) return validationFailed({ resource: "IssueComment", field: "body", code: "custom", message: "Body is too long (maximum is 65536 characters)" });
  return body;
}

export function registerCommentRoutes(router: Router): void {
  router.get("/repos/:owner/:repo/issues/comments", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const since = request.query.since ? Date.parse(request.query.since) : null;
    const comments = repo.issues
      .flatMap((issue) => issue.comments)
      .filter((comment) => since === null || Date.parse(comment.updated_at) >= since)
      .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id));
    return pagedResponse(request, comments, (comment) => commentShape(request.state, repo, comment));
  });

  router.get("/repos/:owner/:repo/issues/comments/:id", (request) => {
    const found = findComment(request);
    return isResponse(found) ? found : { status: 200, body: commentShape(request.state, found.repo, found.comment) };
  });

  router.patch("/repos/:owner/:repo/issues/comments/:id", (request) => {
    const found = findComment(request);
    if (isResponse(found)) return found;
    const body = bodyText(request);
    if (typeof body !== "string") return body;
    found.comment.body = body;
    found.comment.updated_at = request.state.nowIso();
    return { status: 200, body: commentShape(request.state, found.repo, found.comment) };
  });

  router.delete("/repos/:owner/:repo/issues/comments/:id", (request) => {
    const found = findComment(request);
    if (isResponse(found)) return found;
    found.issue.comments = found.issue.comments.filter((comment) => comment !== found.comment);
    return { status: 204 };
  });

  router.get("/repos/:owner/:repo/issues/:number/comments", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    const since = request.query.since ? Date.parse(request.query.since) : null;
    const comments = found.issue.comments.filter((comment) => since === null || Date.parse(comment.updated_at) >= since);
    return pagedResponse(request, comments, (comment) => commentShape(request.state, found.repo, comment));
  });

  router.post("/repos/:owner/:repo/issues/:number/comments", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    const body = bodyText(request);
    if (typeof body !== "string") return body;
    const { state, actor } = request;
    const id = state.nextId();
    const at = state.nowIso();
    const comment: FakeComment = {
      id,
      node_id: nodeId("IC", id),
      issueNumber: found.issue.number,
      body,
      user: actor,
      created_at: at,
      updated_at: at,
      author_association: associationOf(state, found.repo, actor),
    };
    found.issue.comments.push(comment);
    found.issue.updated_at = at;
    return { status: 201, body: commentShape(state, found.repo, comment) };
  });

  router.get("/repos/:owner/:repo/issues/:number/events", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    return pagedResponse(request, found.issue.events, (event) => eventShape(request.state, found.repo, event));
  });

  router.get("/repos/:owner/:repo/issues/:number/timeline", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    const { state } = request;
    const items = [
      ...found.issue.events.map((event) => ({ at: event.created_at, id: event.id, shape: () => eventShape(state, found.repo, event) })),
      ...found.issue.comments.map((comment) => ({
        at: comment.created_at,
        id: comment.id,
        shape: () => ({ ...commentShape(state, found.repo, comment), event: "commented", actor: userShape(state, comment.user) }),
      })),
    ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
    return pagedResponse(request, items, (item) => item.shape());
  });
}
