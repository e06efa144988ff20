/**
 * The records the fake keeps in memory, close to GitHub's own nouns. Timestamps are ISO strings
 * without milliseconds, as GitHub sends them; REST and GraphQL shapes are built from these records.
 */
export type UserType = "User" | "Bot" | "Organization";

export interface FakeUser {
  login: string;
  id: number;
  node_id: string;
  type: UserType;
}

export interface FakeLabel {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export type AuthorAssociation =
  | "OWNER"
  | "MEMBER"
  | "COLLABORATOR"
  | "CONTRIBUTOR"
  | "FIRST_TIME_CONTRIBUTOR"
  | "FIRST_TIMER"
  | "NONE";

export interface FakeComment {
  id: number;
  node_id: string;
  issueNumber: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
  author_association: AuthorAssociation;
}

export type IssueEventType = "labeled" | "unlabeled" | "closed" | "reopened" | "assigned" | "unassigned";
export type StateReason = "completed" | "not_planned" | "reopened" | "duplicate";

export interface FakeIssueEvent {
  id: number;
  node_id: string;
  event: IssueEventType;
  actor: FakeUser;
  created_at: string;
  /** labeled / unlabeled */
  label?: { name: string; color: string };
  /** assigned / unassigned */
  assignee?: FakeUser;
  /** closed / reopened */
  state_reason?: StateReason | null;
}

export interface FakePullInfo {
  head: string;
  headSha: string;
  base: string;
  baseSha: string;
  draft: boolean;
}

export interface FakeIssue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  state_reason: StateReason | null;
  /** label names, in the order they were added */
  labels: string[];
  /** assignee logins */
  assignees: string[];
  user: FakeUser;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  author_association: AuthorAssociation;
  locked: boolean;
  comments: FakeComment[];
  events: FakeIssueEvent[];
  /** set for pull requests, which share the issue numbering as on GitHub */
  pull?: FakePullInfo;
}

export interface FakeFile {
  content: string;
  sha: string;
}

export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface FakeRepo {
  id: number;
  node_id: string;
  owner: FakeUser;
  name: string;
  private: boolean;
  default_branch: string;
  installationId: number | null;
  created_at: string;
  /** keyed by lower-cased name: GitHub label names are case-insensitive */
  labels: Map<string, FakeLabel>;
  issues: FakeIssue[];
  issuesByNumber: Map<number, FakeIssue>;
  nextNumber: number;
  pinned: number[];
  permissions: Map<string, Permission>;
  /** branch name → head commit sha */
  branches: Map<string, string>;
  /** commit sha → the repository's files at that commit */
  commits: Map<string, Map<string, FakeFile>>;
}

export interface FakeInstallation {
  id: number;
  account: FakeUser;
  repository_selection: "all" | "selected";
  created_at: string;
}

export interface FakeTeam {
  id: number;
  node_id: string;
  org: string;
  slug: string;
  name: string;
  members: string[];
}

/** GitHub's timestamp format: second precision, Z suffix. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Node ids look like GitHub's (`I_kwDO…`): a type prefix and an opaque base64 tail. */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDOFk${id.toString(36)}`;
}
