/**
 * Reads a repository's tickets a page at a time with GraphQL: labels, assignees and the timeline
 * the clocks need (label changes, close/reopen, comments) in one query per 100 issues, so a sweep's
 * reads grow with pages of issues, never with issues.
 */
import type { Actor, TicketEvent, TicketHistory } from "../core/clocks/index.js";
import { asUnavailable } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";

export interface TicketSnapshot {
  number: number;
  title: string;
  url: string;
  state: "open" | "closed";
  stateReason?: string | null;
  createdAt: Date;
  closedAt?: Date;
  author: string;
  labels: string[];
  assignees: string[];
  history: TicketHistory;
  /** Bodies of the comments the app itself posted (they carry its hidden markers). */
  appCommentBodies: string[];
  /** Comment id of each of the app's comments, for edits in place. */
  appComments: { id: number; body: string }[];
}

const TIMELINE_TYPES = "[LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT, ISSUE_COMMENT]";

/** The timeline events the clocks read: label changes, closes, reopens and comments. */
const TIMELINE_ITEM_FIELDS = /* GraphQL */ `
  fragment TimelineItemFields on IssueTimelineItems {
    __typename
    ... on LabeledEvent { createdAt actor { __typename login } label { name } }
    ... on UnlabeledEvent { createdAt actor { __typename login } label { name } }
    ... on ClosedEvent { createdAt actor { __typename login } stateReason }
    ... on ReopenedEvent { createdAt actor { __typename login } }
    ... on IssueComment { databaseId createdAt authorAssociation body author { __typename login } }
  }
`;

/** What the clocks, reminders and reports read of an issue: one fragment for every ticket query. */
export const TICKET_FIELDS = /* GraphQL */ `
  fragment TicketFields on Issue {
    number
    title
    url
    state
    stateReason
    createdAt
    closedAt
    author { __typename login }
    labels(first: 50) { nodes { name } }
    assignees(first: 10) { nodes { login } }
    timelineItems(first: 100, itemTypes: ${TIMELINE_TYPES}) {
      pageInfo { hasNextPage endCursor }
      nodes { ...TimelineItemFields }
    }
  }
  ${TIMELINE_ITEM_FIELDS}
`;

/** The rest of a long timeline (over 100 events): asked only for the issues that have one. */
const TIMELINE_PAGE_QUERY = /* GraphQL */ `
  query TicketTimeline($owner: String!, $name: String!, $number: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        timelineItems(first: 100, after: $after, itemTypes: ${TIMELINE_TYPES}) {
          pageInfo { hasNextPage endCursor }
          nodes { ...TimelineItemFields }
        }
      }
    }
  }
  ${TIMELINE_ITEM_FIELDS}
`;

export const TICKETS_QUERY = /* GraphQL */ `
  query SupportTickets($owner: String!, $name: String!, $states: [IssueState!], $after: String, $pageSize: Int!, $since: DateTime) {
    repository(owner: $owner, name: $name) {
      issues(first: $pageSize, after: $after, states: $states, orderBy: { field: CREATED_AT, direction: ASC }, filterBy: { since: $since }) {
        pageInfo { hasNextPage endCursor }
        nodes { ...TicketFields }
      }
    }
  }
  ${TICKET_FIELDS}
`;

interface GqlActor {
  __typename: string;
  login: string;
}

type GqlTimelineItem =
  | { __typename: "LabeledEvent" | "UnlabeledEvent"; createdAt: string; actor: GqlActor | null; label: { name: string } }
  | { __typename: "ClosedEvent"; createdAt: string; actor: GqlActor | null; stateReason: string | null }
  | { __typename: "ReopenedEvent"; createdAt: string; actor: GqlActor | null }
  | { __typename: "IssueComment"; databaseId: number; createdAt: string; authorAssociation: string; body: string; author: GqlActor | null };

interface GqlTimeline {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (GqlTimelineItem | Record<string, never>)[];
}

export interface GqlIssue {
  number: number;
  title: string;
  url: string;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
  author: GqlActor | null;
  labels: { nodes: { name: string }[] };
  assignees: { nodes: { login: string }[] };
  timelineItems: GqlTimeline;
}

interface GqlPage {
  repository: { issues: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlIssue[] } } | null;
}

export interface TicketPageOptions {
  states?: ("OPEN" | "CLOSED")[];
  pageSize?: number;
  /** Only issues updated since (GitHub's `filterBy.since`). */
  since?: Date;
}

/** Pages of tickets, 100 a page by default; one GraphQL request per page. */
export async function* readTicketPages(octokit: Octokit, repo: RepoRef, options: TicketPageOptions = {}): AsyncGenerator<TicketSnapshot[]> {
  let after: string | null = null;
  do {
    let page: GqlPage;
    try {
      page = await octokit.graphql<GqlPage>(TICKETS_QUERY, {
        owner: repo.owner,
        name: repo.repo,
        states: options.states ?? ["OPEN"],
        after,
        pageSize: options.pageSize ?? 100,
        since: options.since?.toISOString() ?? null,
      });
    } catch (error) {
      throw asUnavailable(error, "reading issues");
    }
    const issues = page.repository?.issues;
    if (!issues) return;
    const snapshots: TicketSnapshot[] = [];
    for (const issue of issues.nodes) snapshots.push(toSnapshot(await withWholeTimeline(octokit, repo, issue)));
    yield snapshots;
    after = issues.pageInfo.hasNextPage ? issues.pageInfo.endCursor : null;
  } while (after);
}

/**
 * An issue whose timeline has more than 100 events gets the rest, 100 a request: a long discussion
 * must not hide its later answers, label changes or effort from the clocks and the report.
 */
export async function withWholeTimeline(octokit: Octokit, repo: RepoRef, issue: GqlIssue): Promise<GqlIssue> {
  let timeline = issue.timelineItems;
  const nodes = [...timeline.nodes];
  while (timeline.pageInfo.hasNextPage && timeline.pageInfo.endCursor) {
    let page: { repository: { issue: { timelineItems: GqlTimeline } | null } | null };
    try {
      page = await octokit.graphql(TIMELINE_PAGE_QUERY, { owner: repo.owner, name: repo.repo, number: issue.number, after: timeline.pageInfo.endCursor });
    } catch (error) {
      throw asUnavailable(error, `reading the timeline of issue #${issue.number}`);
    }
    const next = page.repository?.issue?.timelineItems;
    if (!next) break;
    nodes.push(...next.nodes);
    timeline = next;
  }
  return nodes.length === issue.timelineItems.nodes.length ? issue : { ...issue, timelineItems: { pageInfo: timeline.pageInfo, nodes } };
}

export function hasAppMarker(body: string | null | undefined): boolean {
  return (body ?? "").includes("<!-- duet-support:");
}

const WRITE_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

function actorOf(actor: GqlActor | null, association?: string): Actor {
  return {
    login: actor?.login ?? "ghost",
    isBot: !actor || actor.__typename === "Bot" || actor.login.endsWith("[bot]"),
    // The association is GitHub's own reading of the author's relation to the repository.
    hasWriteAccess: association !== undefined && WRITE_ASSOCIATIONS.has(association),
  };
}

export function toSnapshot(issue: GqlIssue): TicketSnapshot {
  const events: TicketEvent[] = [];
  const appComments: { id: number; body: string }[] = [];
  for (const item of issue.timelineItems.nodes) {
    if (!("__typename" in item)) continue;
    const at = new Date(item.createdAt);
    switch (item.__typename) {
      case "LabeledEvent":
      case "UnlabeledEvent":
        events.push({ kind: item.__typename === "LabeledEvent" ? "labeled" : "unlabeled", label: item.label.name, at, actor: actorOf(item.actor) });
        break;
      case "ClosedEvent":
        events.push({ kind: "closed", at, actor: actorOf(item.actor), reason: closedReason(item.stateReason) });
        break;
      case "ReopenedEvent":
        events.push({ kind: "reopened", at, actor: actorOf(item.actor) });
        break;
      case "IssueComment": {
        const author = actorOf(item.author, item.authorAssociation);
        // The CLI may run with a person's token: its comments carry the app's markers. They are the
        // app's, never a response; a reporter's forged marker (no write access) is just a comment.
        const isApp = hasAppMarker(item.body) && (author.isBot || author.hasWriteAccess);
        events.push({ kind: "comment", at, author: isApp ? { ...author, isBot: true } : author, body: item.body });
        if (isApp) appComments.push({ id: item.databaseId, body: item.body });
        break;
      }
    }
  }
  return {
    number: issue.number,
    title: issue.title,
    url: issue.url,
    state: issue.state === "OPEN" ? "open" : "closed",
    stateReason: issue.stateReason,
    createdAt: new Date(issue.createdAt),
    ...(issue.closedAt && { closedAt: new Date(issue.closedAt) }),
    author: issue.author?.login ?? "ghost",
    labels: issue.labels.nodes.map((l) => l.name),
    assignees: issue.assignees.nodes.map((a) => a.login),
    history: { number: issue.number, createdAt: new Date(issue.createdAt), reporter: issue.author?.login ?? "ghost", events },
    appCommentBodies: appComments.map((c) => c.body),
    appComments,
  };
}

function closedReason(reason: string | null): "completed" | "not_planned" | null {
  if (reason === "COMPLETED") return "completed";
  if (reason === "NOT_PLANNED" || reason === "DUPLICATE") return "not_planned";
  return null;
}
