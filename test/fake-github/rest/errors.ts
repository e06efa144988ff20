/**
 * GitHub's error bodies: 404 Not Found, 422 Validation Failed with an errors array, and the
 * lookups every route starts with (repository, issue), answering 404 as GitHub does.
 */
import type { FakeIssue, FakeRepo } from "../model.js";
import type { FakeRequest, FakeResponse } from "../router.js";

const DOCS = "https://docs.github.com/rest";

export function notFound(message = "Not Found"): FakeResponse {
  return { status: 404, body: { message, documentation_url: DOCS, status: "404" } };
}

export interface ValidationError {
  resource: string;
  field?: string;
  code: "missing_field" | "invalid" | "already_exists" | "missing" | "custom";
  message?: string;
}

export function validationFailed(...errors: ValidationError[]): FakeResponse {
  return { status: 422, body: { message: "Validation Failed", errors, documentation_url: DOCS, status: "422" } };
}

export function unprocessable(message: string): FakeResponse {
  return { status: 422, body: { message, documentation_url: DOCS, status: "422" } };
}

export function conflict(message: string): FakeResponse {
  return { status: 409, body: { message, documentation_url: DOCS, status: "409" } };
}

/** The route's repository, or the 404 GitHub gives for a missing one. */
export function findRepo(request: FakeRequest): FakeRepo | FakeResponse {
  return request.state.repo(request.params.owner ?? "", request.params.repo ?? "") ?? notFound();
}

export function findIssue(request: FakeRequest): { repo: FakeRepo; issue: FakeIssue } | FakeResponse {
  const repo = findRepo(request);
  if (isResponse(repo)) return repo;
  const issue = repo.issuesByNumber.get(Number(request.params.number));
  return issue ? { repo, issue } : notFound();
}

export function isResponse(value: unknown): value is FakeResponse {
  return typeof value === "object" && value !== null && "status" in value && typeof (value as FakeResponse).status === "number";
}

/** A JSON object body, or undefined when the client sent something else. */
export function bodyObject(request: FakeRequest): Record<string, unknown> | undefined {
  const body = request.body;
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}
