/**
 * The fake's in-memory GitHub: users, repositories, issues, teams, installations and its clock.
 * Seeding methods write records directly and never record events on their own (tests seed history
 * explicitly with addEvent); REST writes go through issue-changes.ts, which does.
 */
import {
  type FakeComment,
  type FakeFile,
  type FakeInstallation,
  type FakeIssue,
  type FakeIssueEvent,
  type FakeLabel,
  type FakeRepo,
  type FakeTeam,
  type FakeUser,
  type Permission,
  type UserType,
  isoSeconds,
  nodeId,
} from "./model.js";
import { commitFile, newCommitSha } from "./repo-files.js";
import { type CommentSeed, type EventSeed, type IssueSeed, type TimeInput, stamp } from "./seeds.js";

export const APP = { id: 4242, slug: "duet-support", name: "duet-support" } as const;
export const DEFAULT_LABEL_COLOR = "ededed";

export class FakeState {
  /** http://127.0.0.1:PORT once the server listens; html_url values point here. */
  webUrl = "http://127.0.0.1";
  readonly users = new Map<string, FakeUser>();
  readonly repos = new Map<string, FakeRepo>();
  readonly installations = new Map<number, FakeInstallation>();
  readonly teams = new Map<string, FakeTeam>();
  /** token → who it authenticates as, and for installation tokens which installation */
  readonly tokens = new Map<string, { login: string; installationId: number | null }>();
  readonly bot: FakeUser;
  private lastId = 1000;
  private fixedNow: Date | null = null;

  constructor() {
    this.bot = this.user(`${APP.slug}[bot]`, "Bot");
  }

  get apiUrl(): string {
    return `${this.webUrl}/api/v3`;
  }

  now(): Date {
    return this.fixedNow ? new Date(this.fixedNow) : new Date();
  }

  /** Freezes the clock used for created_at and friends; null goes back to real time. */
  setNow(time: TimeInput | null): void {
    this.fixedNow = time === null ? null : new Date(time);
  }

  nowIso(): string {
    return isoSeconds(this.now());
  }

  nextId(): number {
    return ++this.lastId;
  }

  /** The user with this login, created on first mention (bots end in `[bot]`). */
  user(login: string, type?: UserType): FakeUser {
    const existing = this.users.get(login.toLowerCase());
    if (existing) return existing;
    const id = this.nextId();
    const kind = type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    const created: FakeUser = { login, id, node_id: nodeId(kind === "Bot" ? "BOT" : "U", id), type: kind };
    this.users.set(login.toLowerCase(), created);
    return created;
  }

  addUser(login: string, type?: UserType): FakeUser {
    return this.user(login, type);
  }

  knowsUser(login: string): boolean {
    return this.users.has(login.toLowerCase());
  }

  /** Installs the app on an account; its repositories (now and later) belong to the installation. */
  addInstallation(account: string, options: { id?: number } = {}): FakeInstallation {
    const existing = this.installationFor(account);
    if (existing) return existing;
    const installation: FakeInstallation = {
      id: options.id ?? this.nextId(),
      account: this.user(account, "Organization"),
      repository_selection: "all",
      created_at: this.nowIso(),
    };
    this.installations.set(installation.id, installation);
    for (const repo of this.repos.values()) {
      if (repo.owner.login.toLowerCase() === account.toLowerCase()) repo.installationId = installation.id;
    }
    return installation;
  }

  installationFor(account: string): FakeInstallation | undefined {
    for (const installation of this.installations.values()) {
      if (installation.account.login.toLowerCase() === account.toLowerCase()) return installation;
    }
    return undefined;
  }

  /** A repository with a `main` branch; the owner gets an installation unless `installed: false`. */
  addRepo(owner: string, name: string, options: { private?: boolean; installed?: boolean } = {}): FakeRepo {
    const key = `${owner}/${name}`.toLowerCase();
    const existing = this.repos.get(key);
    if (existing) return existing;
    const id = this.nextId();
    const rootSha = newCommitSha(this);
    const repo: FakeRepo = {
      id,
      node_id: nodeId("R", id),
      owner: this.user(owner, "Organization"),
      name,
      private: options.private ?? false,
      default_branch: "main",
      installationId: null,
      created_at: this.nowIso(),
      labels: new Map(),
      issues: [],
      issuesByNumber: new Map(),
      nextNumber: 1,
      pinned: [],
      permissions: new Map(),
      branches: new Map([["main", rootSha]]),
      commits: new Map([[rootSha, new Map()]]),
    };
    this.repos.set(key, repo);
    if (options.installed !== false) repo.installationId = this.addInstallation(owner).id;
    return repo;
  }

  repo(owner: string, name: string): FakeRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  requireRepo(owner: string, name: string): FakeRepo {
    const repo = this.repo(owner, name);
    if (!repo) throw new Error(`fake-github: no repository ${owner}/${name}; call addRepo first`);
    return repo;
  }

  requireIssue(owner: string, name: string, number: number): FakeIssue {
    const issue = this.requireRepo(owner, name).issuesByNumber.get(number);
    if (!issue) throw new Error(`fake-github: no issue ${owner}/${name}#${number}`);
    return issue;
  }

  addLabel(owner: string, repo: string, name: string, options: { color?: string; description?: string | null } = {}): FakeLabel {
    const existing = this.requireRepo(owner, repo).labels.get(name.toLowerCase());
    if (existing) return existing;
    return this.createLabel(this.requireRepo(owner, repo), name, options.color ?? DEFAULT_LABEL_COLOR, options.description ?? null);
  }

  createLabel(repo: FakeRepo, name: string, color: string, description: string | null): FakeLabel {
    const id = this.nextId();
    const label: FakeLabel = { id, node_id: nodeId("LA", id), name, color, description, default: false };
    repo.labels.set(name.toLowerCase(), label);
    return label;
  }

  /** The label record, created with GitHub's default colour when missing (as issue writes do). */
  ensureLabel(repo: FakeRepo, name: string): FakeLabel {
    return repo.labels.get(name.toLowerCase()) ?? this.createLabel(repo, name, DEFAULT_LABEL_COLOR, null);
  }

  addIssue(owner: string, repoName: string, seed: IssueSeed): FakeIssue {
    const repo = this.requireRepo(owner, repoName);
    const created = seed.created_at ? stamp(seed.created_at) : this.nowIso();
    const state = seed.state ?? "open";
    const labels = (seed.labels ?? []).map((name) => this.ensureLabel(repo, name).name);
    const issue = this.insertIssue(repo, {
      title: seed.title,
      body: seed.body ?? null,
      state,
      state_reason: seed.state_reason ?? (state === "closed" ? "completed" : null),
      labels,
      assignees: (seed.assignees ?? []).map((login) => this.user(login).login),
      user: this.user(seed.user ?? "octocat"),
      created_at: created,
      updated_at: seed.updated_at ? stamp(seed.updated_at) : created,
      closed_at: seed.closed_at ? stamp(seed.closed_at) : state === "closed" ? created : null,
      author_association: seed.author_association ?? "NONE",
    });
    return issue;
  }

  insertIssue(
    repo: FakeRepo,
    fields: Omit<FakeIssue, "id" | "node_id" | "number" | "locked" | "comments" | "events">,
  ): FakeIssue {
    const id = this.nextId();
    const issue: FakeIssue = {
      id,
      node_id: nodeId(fields.pull ? "PR" : "I", id),
      number: repo.nextNumber++,
      locked: false,
      comments: [],
      events: [],
      ...fields,
    };
    repo.issues.push(issue);
    repo.issuesByNumber.set(issue.number, issue);
    return issue;
  }

  addComment(owner: string, repo: string, number: number, seed: CommentSeed): FakeComment {
    const issue = this.requireIssue(owner, repo, number);
    const at = seed.created_at ? stamp(seed.created_at) : this.nowIso();
    const id = this.nextId();
    const comment: FakeComment = {
      id,
      node_id: nodeId("IC", id),
      issueNumber: number,
      body: seed.body,
      user: this.user(seed.user),
      created_at: at,
      updated_at: at,
      author_association: seed.author_association ?? "NONE",
    };
    issue.comments.push(comment);
    if (at > issue.updated_at) issue.updated_at = at;
    return comment;
  }

  /** Adds history only: the issue's labels, state and assignees are left as they are. */
  addEvent(owner: string, repo: string, number: number, seed: EventSeed): FakeIssueEvent {
    const issue = this.requireIssue(owner, repo, number);
    const id = this.nextId();
    const event: FakeIssueEvent = {
      id,
      node_id: nodeId("E", id),
      event: seed.event,
      actor: this.user(seed.actor),
      created_at: seed.created_at ? stamp(seed.created_at) : this.nowIso(),
    };
    if (seed.label !== undefined) {
      const label = this.ensureLabel(this.requireRepo(owner, repo), seed.label);
      event.label = { name: label.name, color: label.color };
    }
    if (seed.assignee !== undefined) event.assignee = this.user(seed.assignee);
    if (seed.state_reason !== undefined) event.state_reason = seed.state_reason;
    issue.events.push(event);
    return event;
  }

  pinIssue(owner: string, repo: string, number: number): void {
    this.requireIssue(owner, repo, number);
    this.requireRepo(owner, repo).pinned.push(number);
  }

  addTeam(org: string, slug: string, members: string[], options: { name?: string } = {}): FakeTeam {
    const id = this.nextId();
    const team: FakeTeam = {
      id,
      node_id: nodeId("T", id),
      org,
      slug,
      name: options.name ?? slug,
      members: members.map((login) => this.user(login).login),
    };
    this.user(org, "Organization");
    this.teams.set(`${org}/${slug}`.toLowerCase(), team);
    return team;
  }

  team(org: string, slug: string): FakeTeam | undefined {
    return this.teams.get(`${org}/${slug}`.toLowerCase());
  }

  setPermission(owner: string, repo: string, login: string, permission: Permission): void {
    this.requireRepo(owner, repo).permissions.set(this.user(login).login.toLowerCase(), permission);
  }

  /** What GitHub reports for a known user: explicit, else read on public and none on private repos. */
  permissionOf(repo: FakeRepo, login: string): Permission {
    return repo.permissions.get(login.toLowerCase()) ?? (repo.private ? "none" : "read");
  }

  canPush(repo: FakeRepo, login: string): boolean {
    return ["admin", "maintain", "write"].includes(this.permissionOf(repo, login));
  }

  /** Commits one file to a branch (default: the default branch), as the contents API does. */
  setFile(owner: string, repo: string, path: string, content: string, branch?: string): FakeFile {
    const target = this.requireRepo(owner, repo);
    return commitFile(this, target, branch ?? target.default_branch, path, content);
  }
}
