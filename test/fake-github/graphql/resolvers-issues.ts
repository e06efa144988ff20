/**
 * Issues and their comments as GraphQL objects, and repository.issues with GitHub's filters
 * (states, labels — any of them, as GitHub's GraphQL does — filterBy) and orderBy.
 */
import type { FakeComment, FakeIssue, FakeRepo } from "../model.js";
import type { GraphQLContext } from "./context.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { actorNode, labelByName } from "./resolvers-actors.js";
import { repositoryNode } from "./resolvers-repository.js";
import { type TimelineArgs, timelineItems } from "./resolvers-timeline.js";
import { issueProjectItems } from "./project-v2.js";

type IssueStateArg = "OPEN" | "CLOSED";

export interface IssuesArgs extends ConnectionArgs {
  states?: IssueStateArg[] | null;
  labels?: string[] | null;
  orderBy?: { field: "CREATED_AT" | "UPDATED_AT" | "COMMENTS"; direction: "ASC" | "DESC" } | null;
  filterBy?: {
    since?: string | null;
    states?: IssueStateArg[] | null;
    labels?: string[] | null;
    assignee?: string | null;
    createdBy?: string | null;
  } | null;
}

function hasAnyLabel(issue: FakeIssue, wanted: string[] | null | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  const lowered = wanted.map((name) => name.toLowerCase());
  return issue.labels.some((name) => lowered.includes(name.toLowerCase()));
}

function isInStates(issue: FakeIssue, states: IssueStateArg[] | null | undefined): boolean {
  return !states || states.length === 0 || states.includes(issue.state === "open" ? "OPEN" : "CLOSED");
}

export function issuesConnection(context: GraphQLContext, repo: FakeRepo, args: IssuesArgs) {
  const filter = args.filterBy ?? {};
  const since = filter.since ? Date.parse(filter.since) : null;
  const matches = repo.issues.filter(
    (issue) =>
      !issue.pull &&
      isInStates(issue, args.states) &&
      isInStates(issue, filter.states) &&
      hasAnyLabel(issue, args.labels) &&
      hasAnyLabel(issue, filter.labels) &&
      (since === null || Date.parse(issue.updated_at) >= since) &&
      (!filter.assignee || (filter.assignee === "*" ? issue.assignees.length > 0 : issue.assignees.includes(filter.assignee))) &&
      (!filter.createdBy || issue.user.login === filter.createdBy),
  );
  const field = args.orderBy?.field ?? "CREATED_AT";
  const descending = args.orderBy?.direction === "DESC";
  const sortValue = (issue: FakeIssue): string | number =>
    field === "COMMENTS" ? issue.comments.length : field === "UPDATED_AT" ? issue.updated_at : issue.created_at;
  const sign = descending ? -1 : 1;
  matches.sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    return sign * (x < y ? -1 : x > y ? 1 : a.number - b.number);
  });
  return connection(
    "issues",
    matches,
    args,
    (issue) => [sortValue(issue), issue.number],
    (issue) => issueNode(context, repo, issue),
    descending,
  );
}

function upper(value: string | null): string | null {
  return value === null ? null : value.toUpperCase();
}

/** An Issue object; fields are getters and methods so only what a query asks for is built. */
export class IssueNode {
  readonly __typename = "Issue";
  readonly #context: GraphQLContext;
  readonly #repo: FakeRepo;
  readonly #issue: FakeIssue;

  constructor(context: GraphQLContext, repo: FakeRepo, issue: FakeIssue) {
    this.#context = context;
    this.#repo = repo;
    this.#issue = issue;
  }

  get id() { return this.#issue.node_id; }
  get databaseId() { return this.#issue.id; }
  get number() { return this.#issue.number; }
  get title() { return this.#issue.title; }
  get body() { return this.#issue.body ?? ""; }
  get bodyText() { return this.#issue.body ?? ""; }
  get state() { return this.#issue.state === "open" ? "OPEN" : "CLOSED"; }
  stateReason() { return upper(this.#issue.state_reason); }
  get closed() { return this.#issue.state === "closed"; }
  get locked() { return this.#issue.locked; }
  get createdAt() { return this.#issue.created_at; }
  get updatedAt() { return this.#issue.updated_at; }
  get closedAt() { return this.#issue.closed_at; }
  get lastEditedAt() { return null; }
  get resourcePath() { return `/${this.#repo.owner.login}/${this.#repo.name}/issues/${this.#issue.number}`; }
  get url() { return `${this.#context.state.webUrl}${this.resourcePath}`; }
  get author() { return actorNode(this.#context, this.#issue.user); }
  get authorAssociation() { return this.#issue.author_association; }
  repository() { return repositoryNode(this.#context, this.#repo); }

  labels(args: ConnectionArgs) {
    const names = this.#issue.labels;
    return connection("labels", names, args, (name) => [names.indexOf(name)], (name) => labelByName(this.#context, this.#repo, name));
  }

  assignees(args: ConnectionArgs) {
    const logins = this.#issue.assignees;
    return connection("assignees", logins, args, (login) => [logins.indexOf(login)], (login) => actorNode(this.#context, this.#context.state.user(login)));
  }

  comments(args: ConnectionArgs) {
    return connection("comments", this.#issue.comments, args, (comment) => [comment.created_at, comment.id], (comment) =>
      commentNode(this.#context, this.#repo, this.#issue, comment),
    );
  }

  timelineItems(args: TimelineArgs) {
    return timelineItems(this.#context, this.#repo, this.#issue, args);
  }

  projectItems(args: ConnectionArgs) { return issueProjectItems(this.#context, this.#issue, args); }
}

export function issueNode(context: GraphQLContext, repo: FakeRepo, issue: FakeIssue): IssueNode {
  return new IssueNode(context, repo, issue);
}

/** An IssueComment object, built lazily like IssueNode. */
export class CommentNode {
  readonly __typename = "IssueComment";
  readonly #context: GraphQLContext;
  readonly #repo: FakeRepo;
  readonly #issue: FakeIssue;
  readonly #comment: FakeComment;

  constructor(context: GraphQLContext, repo: FakeRepo, issue: FakeIssue, comment: FakeComment) {
    this.#context = context;
    this.#repo = repo;
    this.#issue = issue;
    this.#comment = comment;
  }

  get id() { return this.#comment.node_id; }
  get databaseId() { return this.#comment.id; }
  get body() { return this.#comment.body; }
  get bodyText() { return this.#comment.body; }
  get createdAt() { return this.#comment.created_at; }
  get publishedAt() { return this.#comment.created_at; }
  get updatedAt() { return this.#comment.updated_at; }
  get lastEditedAt() { return this.#comment.updated_at === this.#comment.created_at ? null : this.#comment.updated_at; }
  get author() { return actorNode(this.#context, this.#comment.user); }
  get authorAssociation() { return this.#comment.author_association; }
  get resourcePath() { return `/${this.#repo.owner.login}/${this.#repo.name}/issues/${this.#issue.number}#issuecomment-${this.#comment.id}`; }
  get url() { return `${this.#context.state.webUrl}${this.resourcePath}`; }
  get isMinimized() { return false; }
  get minimizedReason() { return null; }
  get viewerDidAuthor() { return this.#comment.user.login === this.#context.actor.login; }
  issue() { return issueNode(this.#context, this.#repo, this.#issue); }
}

export function commentNode(context: GraphQLContext, repo: FakeRepo, issue: FakeIssue, comment: FakeComment): CommentNode {
  return new CommentNode(context, repo, issue, comment);
}
