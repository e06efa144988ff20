/**
 * REST response bodies built from the fake's records, following the published OpenAPI schema
 * (@octokit/openapi) for the fields Octokit and our code read, with realistic urls and node ids.
 */
import type { FakeComment, FakeInstallation, FakeIssue, FakeIssueEvent, FakeLabel, FakeRepo, FakeUser } from "../model.js";
import { APP, type FakeState } from "../state.js";

export function userShape(state: FakeState, user: FakeUser) {
  const api = `${state.apiUrl}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    avatar_url: `${state.webUrl}/avatars/u/${user.id}`,
    gravatar_id: "",
    url: api,
    html_url: `${state.webUrl}/${user.type === "Bot" ? "apps/" + user.login.replace(/\[bot\]$/, "") : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export function repoApiUrl(state: FakeState, repo: FakeRepo): string {
  return `${state.apiUrl}/repos/${repo.owner.login}/${repo.name}`;
}

export function labelShape(state: FakeState, repo: FakeRepo, label: FakeLabel) {
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${repoApiUrl(state, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}

export function issueShape(state: FakeState, repo: FakeRepo, issue: FakeIssue) {
  const api = `${repoApiUrl(state, repo)}/issues/${issue.number}`;
  const html = `${state.webUrl}/${repo.owner.login}/${repo.name}/${issue.pull ? "pull" : "issues"}/${issue.number}`;
  const assignees = issue.assignees.map((login) => userShape(state, state.user(login)));
  const labels = issue.labels.map((name) => labelShape(state, repo, state.ensureLabel(repo, name)));
  return {
    url: api,
    repository_url: repoApiUrl(state, repo),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: issue.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    user: userShape(state, issue.user),
    labels,
    state: issue.state,
    state_reason: issue.state_reason,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.comments.length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: issue.author_association,
    active_lock_reason: null,
    body: issue.body,
    closed_by: null,
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    reactions: reactionsShape(`${api}/reactions`),
    ...(issue.pull
      ? {
          draft: issue.pull.draft,
          pull_request: {
            url: `${repoApiUrl(state, repo)}/pulls/${issue.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: null,
          },
        }
      : {}),
  };
}

function reactionsShape(url: string) {
  return { url, total_count: 0, "+1": 0, "-1": 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

export function commentShape(state: FakeState, repo: FakeRepo, comment: FakeComment) {
  const html = `${state.webUrl}/${repo.owner.login}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`;
  return {
    id: comment.id,
    node_id: comment.node_id,
    url: `${repoApiUrl(state, repo)}/issues/comments/${comment.id}`,
    html_url: html,
    body: comment.body,
    user: userShape(state, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    issue_url: `${repoApiUrl(state, repo)}/issues/${comment.issueNumber}`,
    author_association: comment.author_association,
    performed_via_github_app: null,
    reactions: reactionsShape(`${repoApiUrl(state, repo)}/issues/comments/${comment.id}/reactions`),
  };
}

export function eventShape(state: FakeState, repo: FakeRepo, event: FakeIssueEvent) {
  return {
    id: event.id,
    node_id: event.node_id,
    url: `${repoApiUrl(state, repo)}/issues/events/${event.id}`,
    actor: userShape(state, event.actor),
    event: event.event,
    commit_id: null,
    commit_url: null,
    created_at: event.created_at,
    performed_via_github_app: null,
    ...(event.label ? { label: event.label } : {}),
    ...(event.assignee ? { assignee: userShape(state, event.assignee), assigner: userShape(state, event.actor) } : {}),
    ...(event.state_reason !== undefined ? { state_reason: event.state_reason } : {}),
  };
}

export function repoShape(state: FakeState, repo: FakeRepo) {
  const api = repoApiUrl(state, repo);
  const html = `${state.webUrl}/${repo.owner.login}/${repo.name}`;
  const openIssues = repo.issues.filter((issue) => issue.state === "open").length;
  return {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
    owner: userShape(state, repo.owner),
    html_url: html,
    description: null,
    fork: false,
    url: api,
    issues_url: `${api}/issues{/number}`,
    labels_url: `${api}/labels{/name}`,
    pulls_url: `${api}/pulls{/number}`,
    contents_url: `${api}/contents/{+path}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    clone_url: `${html}.git`,
    git_url: `${html.replace(/^https?/, "git")}.git`,
    ssh_url: `git@127.0.0.1:${repo.owner.login}/${repo.name}.git`,
    homepage: null,
    language: null,
    size: 0,
    default_branch: repo.default_branch,
    visibility: repo.private ? "private" : "public",
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    forks: 0,
    forks_count: 0,
    watchers: 0,
    watchers_count: 0,
    stargazers_count: 0,
    open_issues: openIssues,
    open_issues_count: openIssues,
    license: null,
    mirror_url: null,
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: repo.created_at,
  };
}

export function installationShape(state: FakeState, installation: FakeInstallation) {
  return {
    id: installation.id,
    account: userShape(state, installation.account),
    repository_selection: installation.repository_selection,
    access_tokens_url: `${state.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${state.apiUrl}/installation/repositories`,
    html_url: `${state.webUrl}/organizations/${installation.account.login}/settings/installations/${installation.id}`,
    app_id: APP.id,
    app_slug: APP.slug,
    target_id: installation.account.id,
    target_type: installation.account.type,
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
    created_at: installation.created_at,
    updated_at: installation.created_at,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

export const APP_PERMISSIONS = {
  issues: "write",
  contents: "write",
  pull_requests: "write",
  metadata: "read",
  members: "read",
  organization_projects: "write",
} as const;

export const APP_EVENTS = ["issues", "issue_comment", "label", "installation"];
