/**
 * issue.timelineItems: the recorded issue events and the comments, by time, filtered by
 * itemTypes and since. Only the item types the fake records exist; others are never returned.
 */
import type { FakeComment, FakeIssue, FakeIssueEvent, FakeRepo } from "../model.js";
import type { GraphQLContext } from "./context.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { actorNode, labelByName } from "./resolvers-actors.js";
import { commentNode, issueNode } from "./resolvers-issues.js";

export interface TimelineArgs extends ConnectionArgs {
  itemTypes?: string[] | null;
  since?: string | null;
  skip?: number | null;
}

const EVENT_TYPES: Record<FakeIssueEvent["event"], { itemType: string; typename: string }> = {
  labeled: { itemType: "LABELED_EVENT", typename: "LabeledEvent" },
  unlabeled: { itemType: "UNLABELED_EVENT", typename: "UnlabeledEvent" },
  closed: { itemType: "CLOSED_EVENT", typename: "ClosedEvent" },
  reopened: { itemType: "REOPENED_EVENT", typename: "ReopenedEvent" },
  assigned: { itemType: "ASSIGNED_EVENT", typename: "AssignedEvent" },
  unassigned: { itemType: "UNASSIGNED_EVENT", typename: "UnassignedEvent" },
};

interface TimelineEntry {
  at: string;
  id: number;
  itemType: string;
  event?: FakeIssueEvent;
  comment?: FakeComment;
}

/** Any of the event objects the fake records; a query only reads the fields its type has. */
class EventNode {
  readonly #context: GraphQLContext;
  readonly #repo: FakeRepo;
  readonly #issue: FakeIssue;
  readonly #event: FakeIssueEvent;

  constructor(context: GraphQLContext, repo: FakeRepo, issue: FakeIssue, event: FakeIssueEvent) {
    this.#context = context;
    this.#repo = repo;
    this.#issue = issue;
    this.#event = event;
  }

  get __typename() { return EVENT_TYPES[this.#event.event].typename; }
  get id() { return this.#event.node_id; }
  get databaseId() { return this.#event.id; }
  get createdAt() { return this.#event.created_at; }
  get actor() { return actorNode(this.#context, this.#event.actor); }
  get label() { return labelByName(this.#context, this.#repo, this.#event.label?.name ?? "", this.#event.label?.color); }
  get assignee() { return this.#event.assignee ? actorNode(this.#context, this.#event.assignee) : null; }
  get stateReason() { return this.#event.state_reason ? this.#event.state_reason.toUpperCase() : null; }
  get closer() { return null; }
  get url() { return `${this.#context.state.webUrl}/${this.#repo.owner.login}/${this.#repo.name}/issues/${this.#issue.number}#event-${this.#event.id}`; }
  get labelable() { return issueNode(this.#context, this.#repo, this.#issue); }
  get closable() { return issueNode(this.#context, this.#repo, this.#issue); }
  get assignable() { return issueNode(this.#context, this.#repo, this.#issue); }
}

export function timelineItems(context: GraphQLContext, repo: FakeRepo, issue: FakeIssue, args: TimelineArgs) {
  const wanted = args.itemTypes && args.itemTypes.length ? new Set(args.itemTypes) : null;
  const since = args.since ? Date.parse(args.since) : null;
  const isWanted = (entry: TimelineEntry) => (!wanted || wanted.has(entry.itemType)) && (since === null || Date.parse(entry.at) >= since);
  const matching: TimelineEntry[] = [];
  for (const event of issue.events) {
    const entry = { at: event.created_at, id: event.id, itemType: EVENT_TYPES[event.event].itemType, event };
    if (isWanted(entry)) matching.push(entry);
  }
  for (const comment of issue.comments) {
    const entry = { at: comment.created_at, id: comment.id, itemType: "ISSUE_COMMENT", comment };
    if (isWanted(entry)) matching.push(entry);
  }
  matching.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  const skipped = args.skip ? matching.slice(args.skip) : matching;
  const toNode = (entry: TimelineEntry) =>
    entry.event ? new EventNode(context, repo, issue, entry.event) : commentNode(context, repo, issue, entry.comment!);
  const page = connection("timelineItems", skipped, args, (entry) => [entry.at, entry.id], toNode);
  return { ...page, filteredCount: matching.length, pageCount: skipped.length, updatedAt: issue.updated_at };
}
