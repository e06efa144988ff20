/**
 * Issues: list with GitHub's filters and paging, read, create and update (labels auto-created,
 * assignees without push access silently dropped), and the assignees endpoints.
 */
import type { FakeIssue, StateReason } from "../model.js";
import {
  addIssueAssignees,
  addIssueLabels,
  associationOf,
  removeIssueAssignees,
  setIssueAssignees,
  setIssueLabels,
  setIssueState,
} from "../issue-changes.js";
import type { FakeRequest, FakeResponse, Router } from "../router.js";
import { type ValidationError, bodyObject, findIssue, findRepo, isResponse, validationFailed } from "./errors.js";
import { labelNameErrors } from "./labels.js";
import { pagedResponse } from "./paging.js";
import { issueShape } from "./shapes.js";

const STATE_REASONS: StateReason[] = ["completed", "not_planned", "reopened", "duplicate"];

function listIssues(request: FakeRequest): FakeResponse {
  const repo = findRepo(request);
  if (isResponse(repo)) return repo;
  const { query } = request;
  const state = query.state ?? "open";
  if (!["open", "closed", "all"].includes(state)) return validationFailed({ resource: "Issue", field: "state", code: "invalid" });
  const labels = (query.labels ?? "").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  const sortKey = query.sort === "updated" ? "updated_at" : query.sort === "comments" ? "comments" : "created_at";
  const ascending = query.direction === "asc";
  const since = query.since ? Date.parse(query.since) : null;
  const matches = repo.issues.filter(
    (issue) =>
      (state === "all" || issue.state === state) &&
      labels.every((wanted) => issue.labels.some((name) => name.toLowerCase() === wanted)) &&
      (since === null || Date.parse(issue.updated_at) >= since) &&
      matchesAssignee(issue, query.assignee) &&
      (!query.creator || issue.user.login.toLowerCase() === query.creator.toLowerCase()),
  );
  const keyOf = (issue: FakeIssue) => (sortKey === "comments" ? String(issue.comments.length).padStart(9, "0") : issue[sortKey]);
  matches.sort((a, b) => {
    const order = keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a.number - b.number;
    return ascending ? order : -order;
  });
  return pagedResponse(request, matches, (issue) => issueShape(request.state, repo, issue));
}

function matchesAssignee(issue: FakeIssue, assignee: string | undefined): boolean {
  if (assignee === undefined) return true;
  if (assignee === "none") return issue.assignees.length === 0;
  if (assignee === "*") return issue.assignees.length > 0;
  return issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase());
}

/** Checks the writable fields GitHub validates; returns the problems found. */
function bodyErrors(body: Record<string, unknown>, creating: boolean): ValidationError[] {
  const errors: ValidationError[] = [];
  const title = body.title;
  if (creating && (title === undefined || title === null || title === "")) errors.push({ resource: "Issue", field: "title", code: "missing_field" });
  if (title !== undefined && typeof title !== "string" && typeof title !== "number") errors.push({ resource: "Issue", field: "title", code: "invalid" });
  if (body.body !== undefined && body.body !== null && typeof body.body !== "string") errors.push({ resource: "Issue", field: "body", code: "invalid" });
  if (body.state !== undefined && body.state !== "open" && body.state !== "closed") errors.push({ resource: "Issue", field: "state", code: "invalid" });
  if (body.state_reason != null && !STATE_REASONS.includes(body.state_reason as StateReason)) {
    errors.push({ resource: "Issue", field: "state_reason", code: "invalid" });
  }
  if (body.labels !== undefined) {
    const names = Array.isArray(body.labels) ? body.labels.map((item) => (typeof item === "object" && item ? (item as { name?: unknown }).name : item)) : null;
    if (!names) errors.push({ resource: "Issue", field: "labels", code: "invalid" });
    else errors.push(...labelNameErrors(names));
  }
  if (body.assignees !== undefined && !(Array.isArray(body.assignees) && body.assignees.every((login) => typeof login === "string"))) {
    errors.push({ resource: "Issue", field: "assignees", code: "invalid" });
  }
  return errors;
}

function labelList(body: Record<string, unknown>): string[] {
  return (body.labels as unknown[]).map((item) => (typeof item === "object" && item ? String((item as { name: unknown }).name) : String(item)));
}

function assigneeList(body: Record<string, unknown>): string[] | undefined {
  if (Array.isArray(body.assignees)) return body.assignees as string[];
  if (body.assignee !== undefined) return body.assignee ? [String(body.assignee)] : [];
  return undefined;
}

function createIssue(request: FakeRequest): FakeResponse {
  const repo = findRepo(request);
  if (isResponse(repo)) return repo;
  const body = bodyObject(request) ?? {};
  const errors = bodyErrors(body, true);
  if (errors.length) return validationFailed(...errors);
  const { state, actor } = request;
  const now = state.nowIso();
  const issue = state.insertIssue(repo, {
    title: String(body.title),
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
  });
  if (body.labels !== undefined) addIssueLabels(state, repo, issue, labelList(body), actor);
  const assignees = assigneeList(body);
  if (assignees) addIssueAssignees(state, repo, issue, assignees, actor);
  return { status: 201, body: issueShape(state, repo, issue) };
}

function updateIssue(request: FakeRequest): FakeResponse {
  const found = findIssue(request);
  if (isResponse(found)) return found;
  const { repo, issue } = found;
  const body = bodyObject(request) ?? {};
  const errors = bodyErrors(body, false);
  if (errors.length) return validationFailed(...errors);
  const { state, actor } = request;
  if (body.title !== undefined) issue.title = String(body.title);
  if (body.body !== undefined) issue.body = (body.body as string | null) ?? null;
  if (body.labels !== undefined) setIssueLabels(state, repo, issue, labelList(body), actor);
  const assignees = assigneeList(body);
  if (assignees) setIssueAssignees(state, repo, issue, assignees, actor);
  const reason = body.state_reason as StateReason | null | undefined;
  if (body.state !== undefined) setIssueState(state, issue, body.state as "open" | "closed", reason, actor);
  else if (reason !== undefined && issue.state === "closed") issue.state_reason = reason ?? "completed";
  issue.updated_at = state.nowIso();
  return { status: 200, body: issueShape(state, repo, issue) };
}

export function registerIssueRoutes(router: Router): void {
  router.get("/repos/:owner/:repo/issues", listIssues);
  router.post("/repos/:owner/:repo/issues", createIssue);
  router.get("/repos/:owner/:repo/issues/:number", (request) => {
    const found = findIssue(request);
    return isResponse(found) ? found : { status: 200, body: issueShape(request.state, found.repo, found.issue) };
  });
  router.patch("/repos/:owner/:repo/issues/:number", updateIssue);

  router.post("/repos/:owner/:repo/issues/:number/assignees", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    addIssueAssignees(request.state, found.repo, found.issue, assigneeList(bodyObject(request) ?? {}) ?? [], request.actor);
    return { status: 201, body: issueShape(request.state, found.repo, found.issue) };
  });
  router.delete("/repos/:owner/:repo/issues/:number/assignees", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    removeIssueAssignees(request.state, found.issue, assigneeList(bodyObject(request) ?? {}) ?? [], request.actor);
    return { status: 200, body: issueShape(request.state, found.repo, found.issue) };
  });
  router.get("/repos/:owner/:repo/assignees/:user", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const login = request.params.user!;
    return request.state.knowsUser(login) && request.state.canPush(repo, login) ? { status: 204 } : { status: 404 };
  });
}
