/**
 * Webhook payload parts built from the loopback fake's state, so a delivery describes the issue
 * exactly as the fake (GitHub) holds it when the event is sent.
 */
import type { FakeGitHub } from "../fake-github/index.js";

export function userPayload(fake: FakeGitHub, login: string) {
  const user = fake.state.user(login);
  return { login: user.login, id: user.id, node_id: user.node_id, type: user.type };
}

export function issuePayload(fake: FakeGitHub, owner: string, repoName: string, number: number) {
  const issue = fake.requireIssue(owner, repoName, number);
  const repo = fake.state.requireRepo(owner, repoName);
  return {
    number,
    node_id: issue.node_id,
    title: issue.title,
    body: issue.body,
    user: userPayload(fake, issue.user.login),
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => {
      const label = repo.labels.get(name.toLowerCase())!;
      return { id: label.id, node_id: label.node_id, name: label.name, color: label.color, default: false, description: label.description };
    }),
    assignees: issue.assignees.map((login) => userPayload(fake, login)),
    assignee: issue.assignees[0] ? userPayload(fake, issue.assignees[0]) : null,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
  };
}

/** The repository and installation every delivery names. */
export function deliveryContext(fake: FakeGitHub, owner: string, repoName: string) {
  return {
    repository: { node_id: fake.state.requireRepo(owner, repoName).node_id },
    installation: { id: fake.state.installationFor(owner)!.id },
  };
}
