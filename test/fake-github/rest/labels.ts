/**
 * Repository labels and the labels on an issue. Names are case-insensitive and at most 50
 * characters; adding an unknown label to an issue creates it with GitHub's default colour.
 */
import type { FakeRepo } from "../model.js";
import { addIssueLabels, removeIssueLabel, setIssueLabels } from "../issue-changes.js";
import type { FakeRequest, FakeResponse, Router } from "../router.js";
import { DEFAULT_LABEL_COLOR } from "../state.js";
import { type ValidationError, bodyObject, findIssue, findRepo, isResponse, notFound, validationFailed } from "./errors.js";
import { pagedResponse } from "./paging.js";
import { labelShape } from "./shapes.js";

export const MAX_LABEL_NAME = 50;

/** Problems with label names, as GitHub reports them; empty when all are fine. */
export function labelNameErrors(names: unknown[]): ValidationError[] {
  return names
    .filter((name) => typeof name !== "string" || name.trim() === "" || name.length > MAX_LABEL_NAME)
    .map(() => ({ resource: "Label", field: "name", code: "invalid" as const }));
}

/** GitHub takes `["a"]`, `{labels: ["a"]}` or `{labels: [{name: "a"}]}`; undefined when none fits. */
export function labelNamesFrom(body: unknown): unknown[] | undefined {
  const list = Array.isArray(body) ? body : typeof body === "object" && body !== null ? (body as { labels?: unknown }).labels : undefined;
  if (!Array.isArray(list)) return undefined;
  return list.map((item) => (typeof item === "object" && item !== null && "name" in item ? (item as { name: unknown }).name : item));
}

function labelsOfIssue(request: FakeRequest, repo: FakeRepo, names: string[]): FakeResponse {
  return { status: 200, body: names.map((name) => labelShape(request.state, repo, request.state.ensureLabel(repo, name))) };
}

function normaliseColor(color: unknown): string | undefined {
  if (color === undefined) return DEFAULT_LABEL_COLOR;
  if (typeof color !== "string") return undefined;
  const hex = color.replace(/^#/, "");
  return /^[0-9a-fA-F]{6}$/.test(hex) ? hex.toLowerCase() : undefined;
}

export function registerLabelRoutes(router: Router): void {
  router.get("/repos/:owner/:repo/labels", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    return pagedResponse(request, [...repo.labels.values()], (label) => labelShape(request.state, repo, label));
  });

  router.get("/repos/:owner/:repo/labels/:name", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const label = repo.labels.get(request.params.name!.toLowerCase());
    return label ? { status: 200, body: labelShape(request.state, repo, label) } : notFound();
  });

  router.post("/repos/:owner/:repo/labels", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const body = bodyObject(request) ?? {};
    if (body.name === undefined) return validationFailed({ resource: "Label", field: "name", code: "missing_field" });
    const nameErrors = labelNameErrors([body.name]);
    if (nameErrors.length) return validationFailed(...nameErrors);
    const name = body.name as string;
    if (repo.labels.has(name.toLowerCase())) return validationFailed({ resource: "Label", field: "name", code: "already_exists" });
    const color = normaliseColor(body.color);
    if (!color) return validationFailed({ resource: "Label", field: "color", code: "invalid" });
    const description = typeof body.description === "string" ? body.description : null;
    if (description && description.length > 100) return validationFailed({ resource: "Label", field: "description", code: "invalid" });
    const label = request.state.createLabel(repo, name, color, description);
    return { status: 201, body: labelShape(request.state, repo, label) };
  });

  router.patch("/repos/:owner/:repo/labels/:name", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const label = repo.labels.get(request.params.name!.toLowerCase());
    if (!label) return notFound();
    const body = bodyObject(request) ?? {};
    const newName = body.new_name ?? body.name;
    if (newName !== undefined) {
      const errors = labelNameErrors([newName]);
      if (errors.length) return validationFailed(...errors);
    }
    const color = body.color === undefined ? label.color : normaliseColor(body.color);
    if (!color) return validationFailed({ resource: "Label", field: "color", code: "invalid" });
    if (typeof newName === "string" && newName !== label.name) {
      repo.labels.delete(label.name.toLowerCase());
      for (const issue of repo.issues) issue.labels = issue.labels.map((name) => (name === label.name ? newName : name));
      label.name = newName;
      repo.labels.set(newName.toLowerCase(), label);
    }
    label.color = color;
    if (body.description !== undefined) label.description = typeof body.description === "string" ? body.description : null;
    return { status: 200, body: labelShape(request.state, repo, label) };
  });

  router.delete("/repos/:owner/:repo/labels/:name", (request) => {
    const repo = findRepo(request);
    if (isResponse(repo)) return repo;
    const label = repo.labels.get(request.params.name!.toLowerCase());
    if (!label) return notFound();
    repo.labels.delete(label.name.toLowerCase());
    for (const issue of repo.issues) issue.labels = issue.labels.filter((name) => name !== label.name);
    return { status: 204 };
  });

  router.get("/repos/:owner/:repo/issues/:number/labels", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    return pagedResponse(request, found.issue.labels, (name) => labelShape(request.state, found.repo, request.state.ensureLabel(found.repo, name)));
  });

  const writeLabels = (mode: "add" | "set") => (request: FakeRequest) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    const names = labelNamesFrom(request.body);
    if (!names) return validationFailed({ resource: "Label", field: "labels", code: "invalid" });
    const errors = labelNameErrors(names);
    if (errors.length) return validationFailed(...errors);
    const apply = mode === "add" ? addIssueLabels : setIssueLabels;
    apply(request.state, found.repo, found.issue, names as string[], request.actor);
    return labelsOfIssue(request, found.repo, found.issue.labels);
  };
  router.post("/repos/:owner/:repo/issues/:number/labels", writeLabels("add"));
  router.put("/repos/:owner/:repo/issues/:number/labels", writeLabels("set"));

  router.delete("/repos/:owner/:repo/issues/:number/labels/:name", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    if (!removeIssueLabel(request.state, found.repo, found.issue, request.params.name!, request.actor)) {
      return notFound("Label does not exist");
    }
    return labelsOfIssue(request, found.repo, found.issue.labels);
  });

  router.delete("/repos/:owner/:repo/issues/:number/labels", (request) => {
    const found = findIssue(request);
    if (isResponse(found)) return found;
    setIssueLabels(request.state, found.repo, found.issue, [], request.actor);
    return { status: 204 };
  });
}
