/**
 * Issue writes as GitHub performs them for REST calls: each change of labels, state or assignees
 * records its issue event (actor, created_at = fake.now()), and missing labels are auto-created.
 */
import type { FakeIssue, FakeIssueEvent, FakeRepo, FakeUser, StateReason } from "./model.js";
import { nodeId } from "./model.js";
import type { FakeState } from "./state.js";

type EventFields = Pick<FakeIssueEvent, "event"> & Partial<Pick<FakeIssueEvent, "label" | "assignee" | "state_reason">>;

function record(state: FakeState, issue: FakeIssue, actor: FakeUser, fields: EventFields): void {
  const id = state.nextId();
  const at = state.nowIso();
  issue.events.push({ id, node_id: nodeId("E", id), actor, created_at: at, ...fields });
  issue.updated_at = at;
}

function hasLabel(issue: FakeIssue, name: string): boolean {
  return issue.labels.some((label) => label.toLowerCase() === name.toLowerCase());
}

export function addIssueLabels(state: FakeState, repo: FakeRepo, issue: FakeIssue, names: string[], actor: FakeUser): void {
  for (const name of names) {
    if (hasLabel(issue, name)) continue;
    const label = state.ensureLabel(repo, name);
    issue.labels.push(label.name);
    record(state, issue, actor, { event: "labeled", label: { name: label.name, color: label.color } });
  }
}

/** False when the label is not on the issue (GitHub answers 404 then). */
export function removeIssueLabel(state: FakeState, repo: FakeRepo, issue: FakeIssue, name: string, actor: FakeUser): boolean {
  const index = issue.labels.findIndex((label) => label.toLowerCase() === name.toLowerCase());
  if (index < 0) return false;
  const [removed] = issue.labels.splice(index, 1) as [string];
  const label = repo.labels.get(removed.toLowerCase());
  record(state, issue, actor, { event: "unlabeled", label: { name: removed, color: label?.color ?? "ededed" } });
  return true;
}

export function setIssueLabels(state: FakeState, repo: FakeRepo, issue: FakeIssue, names: string[], actor: FakeUser): void {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const current of [...issue.labels]) {
    if (!wanted.has(current.toLowerCase())) removeIssueLabel(state, repo, issue, current, actor);
  }
  addIssueLabels(state, repo, issue, names, actor);
}

export function setIssueState(
  state: FakeState,
  issue: FakeIssue,
  target: "open" | "closed",
  reason: StateReason | null | undefined,
  actor: FakeUser,
): void {
  if (target === "closed") {
    const stateReason = reason ?? "completed";
    if (issue.state === "closed") {
      issue.state_reason = stateReason;
      return;
    }
    issue.state = "closed";
    issue.state_reason = stateReason;
    issue.closed_at = state.nowIso();
    record(state, issue, actor, { event: "closed", state_reason: stateReason });
    return;
  }
  if (issue.state === "open") return;
  issue.state = "open";
  issue.state_reason = "reopened";
  issue.closed_at = null;
  record(state, issue, actor, { event: "reopened", state_reason: "reopened" });
}

/** GitHub silently drops assignees without push access; so does the fake. */
export function assignableLogins(state: FakeState, repo: FakeRepo, logins: string[]): string[] {
  return logins.filter((login) => state.knowsUser(login) && state.canPush(repo, login)).map((login) => state.user(login).login);
}

export function addIssueAssignees(state: FakeState, repo: FakeRepo, issue: FakeIssue, logins: string[], actor: FakeUser): void {
  for (const login of assignableLogins(state, repo, logins)) {
    if (issue.assignees.some((current) => current.toLowerCase() === login.toLowerCase())) continue;
    if (issue.assignees.length >= 10) break;
    issue.assignees.push(login);
    record(state, issue, actor, { event: "assigned", assignee: state.user(login) });
  }
}

export function removeIssueAssignees(state: FakeState, issue: FakeIssue, logins: string[], actor: FakeUser): void {
  const unwanted = new Set(logins.map((login) => login.toLowerCase()));
  for (const current of [...issue.assignees]) {
    if (!unwanted.has(current.toLowerCase())) continue;
    issue.assignees = issue.assignees.filter((login) => login !== current);
    record(state, issue, actor, { event: "unassigned", assignee: state.user(current) });
  }
}

export function setIssueAssignees(state: FakeState, repo: FakeRepo, issue: FakeIssue, logins: string[], actor: FakeUser): void {
  const kept = new Set(assignableLogins(state, repo, logins).map((login) => login.toLowerCase()));
  removeIssueAssignees(state, issue, issue.assignees.filter((login) => !kept.has(login.toLowerCase())), actor);
  addIssueAssignees(state, repo, issue, logins, actor);
}

/** How GitHub describes an author's relation to the repository (author_association). */
export function associationOf(state: FakeState, repo: FakeRepo, user: FakeUser): FakeIssue["author_association"] {
  if (user.login.toLowerCase() === repo.owner.login.toLowerCase()) return "OWNER";
  const org = repo.owner.login.toLowerCase();
  for (const team of state.teams.values()) {
    if (team.org.toLowerCase() === org && team.members.some((login) => login.toLowerCase() === user.login.toLowerCase())) {
      return "MEMBER";
    }
  }
  return repo.permissions.has(user.login.toLowerCase()) && state.permissionOf(repo, user.login) !== "none" ? "COLLABORATOR" : "NONE";
}
