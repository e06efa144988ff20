/**
 * A ticket's card: read what it shows, then add it and set every changed field. A change on a card
 * costs one GraphQL request and nothing when no field changed; a ticket's first card costs two
 * (GitHub answers the new card's id only after the add, so the fields follow in a second request).
 */
import { type BoardFieldChange, type BoardFieldKey, type BoardFields, fieldChanges } from "../core/board/index.js";
import { type Board, type BoardCache, type BoardLog, type BoardRef, type BoardUnreachable, unreachableReason } from "./board.js";
import { type FieldWrite, ISSUE_BOARD_ITEM_QUERY, addItemsMutation, setFieldsMutation } from "./board-queries.js";
import { asUnavailable } from "./errors.js";
import type { IssueRef, Octokit } from "./octokit.js";

/** A card on the board and the values it shows (missing = empty). */
export interface BoardItem {
  id: string;
  current: Partial<BoardFields>;
}

export interface GqlFieldValue {
  __typename?: string;
  optionId?: string | null;
  text?: string | null;
  date?: string | null;
  field?: { id?: string } | null;
}

export interface GqlProjectItems {
  nodes: ({ id: string; project: { id: string }; fieldValues: { nodes: (GqlFieldValue | null)[] } } | null)[];
}

/** The values of our fields among a card's values; an option the app does not know reads as a value to replace. */
export function currentFieldsOf(values: readonly (GqlFieldValue | null)[], board: Board): Partial<BoardFields> {
  const current: Record<string, string | null> = {};
  for (const [key, field] of Object.entries(board.fields)) {
    const value = values.find((v) => v?.field?.id === field.id);
    if (!value) continue;
    if (field.kind === "singleSelect") {
      const name = Object.entries(field.optionIds).find(([, id]) => id === value.optionId)?.[0];
      current[key] = name ?? (value.optionId ? `unknown option ${value.optionId}` : null);
    } else if (field.kind === "date") {
      current[key] = value.date ? value.date.slice(0, 10) : null;
    } else {
      current[key] = value.text || null;
    }
  }
  return current as Partial<BoardFields>;
}

/** The issue's card on this board from an `ISSUE_PROJECT_ITEMS_SELECTION` read; null when it has none. */
export function boardItemOf(projectItems: GqlProjectItems | null | undefined, board: Board): BoardItem | null {
  const node = projectItems?.nodes.find((n) => n?.project.id === board.projectId);
  return node ? { id: node.id, current: currentFieldsOf(node.fieldValues.nodes, board) } : null;
}

/** One read: the issue's node id and its card on the board. */
export async function readIssueBoardItem(octokit: Octokit, board: Board, issue: IssueRef): Promise<{ nodeId: string; item: BoardItem | null }> {
  const data = await octokit.graphql<{ repository: { issue: { id: string; projectItems: GqlProjectItems } | null } | null }>(ISSUE_BOARD_ITEM_QUERY, {
    owner: issue.owner,
    name: issue.repo,
    number: issue.issue_number,
  });
  const found = data.repository?.issue;
  if (!found) throw new Error(`issue ${issue.owner}/${issue.repo}#${issue.issue_number} was not found`);
  return { nodeId: found.id, item: boardItemOf(found.projectItems, board) };
}

/** The mutation inputs for a card's changes; a field the board lacks (dry run) is skipped. */
export function fieldWritesOf(board: Board, itemId: string, changes: readonly BoardFieldChange[]): FieldWrite[] {
  return changes.flatMap((change): FieldWrite[] => {
    const field = board.fields[change.key as BoardFieldKey];
    if (!field) return [];
    if (change.value === null) return [{ itemId, fieldId: field.id, value: null }];
    if (field.kind === "text") return [{ itemId, fieldId: field.id, value: { text: change.value } }];
    if (field.kind === "date") return [{ itemId, fieldId: field.id, value: { date: change.value } }];
    const optionId = field.optionIds[change.value];
    if (!optionId) throw new Error(`board field ${field.name} has no option ${change.value} after set-up (a bug)`);
    return [{ itemId, fieldId: field.id, value: { singleSelectOptionId: optionId } }];
  });
}

export type BoardSyncResult = { ok: true; added: boolean; changes: BoardFieldChange[]; requests: number } | BoardUnreachable;

/**
 * Brings one issue's card to `wanted`. `item` is the card as the caller read it (null: none);
 * an issue with no tier and no card stays off the board.
 */
export async function syncIssue(
  octokit: Octokit,
  board: Board,
  issue: { nodeId: string; item: BoardItem | null },
  wanted: BoardFields,
): Promise<BoardSyncResult> {
  try {
    let item = issue.item;
    let requests = 0;
    if (!item) {
      if (wanted.tier === null) return { ok: true, added: false, changes: [], requests };
      const add = addItemsMutation(board.projectId, [issue.nodeId]);
      const answer = await octokit.graphql<{ a0: { item: { id: string; fieldValues: { nodes: (GqlFieldValue | null)[] } } } }>(add.query, add.variables);
      requests++;
      item = { id: answer.a0.item.id, current: currentFieldsOf(answer.a0.item.fieldValues.nodes, board) };
    }
    const changes = fieldChanges(item.current, wanted);
    if (changes.length) {
      const set = setFieldsMutation(board.projectId, fieldWritesOf(board, item.id, changes));
      await octokit.graphql(set.query, set.variables);
      requests++;
    }
    return { ok: true, added: !issue.item, changes, requests };
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason) return { ok: false, reason, isNew: true };
    throw asUnavailable(error, "updating the board");
  }
}

/**
 * What a handler calls after any change: opens the board through the cache, reads the card unless
 * the caller passes it (`item`, from `ISSUE_PROJECT_ITEMS_SELECTION` in its own read), and syncs.
 * A board out of reach answers `{ ok: false, isNew }`: report it on the issue when `isNew`.
 */
export async function syncTicket(
  octokit: Octokit,
  cache: BoardCache,
  ref: BoardRef,
  issue: IssueRef & { nodeId?: string; item?: BoardItem | null },
  wanted: BoardFields,
  log: BoardLog,
): Promise<BoardSyncResult> {
  const opened = await cache.open(octokit, ref, log);
  if (!opened.ok) return opened;
  const board = opened.board;
  let nodeId = issue.nodeId;
  let item = issue.item;
  let reads = 0;
  if (item === undefined || nodeId === undefined) {
    try {
      ({ nodeId, item } = await readIssueBoardItem(octokit, board, issue));
      reads++;
    } catch (error) {
      const reason = unreachableReason(error);
      if (reason) return cache.markUnreachable(ref, reason, log);
      throw asUnavailable(error, "reading the issue's card");
    }
  }
  const result = await syncIssue(octokit, board, { nodeId, item }, wanted);
  if (!result.ok) {
    // A field or option deleted since the board was read looks the same as a lost permission.
    cache.forget(ref);
    return cache.markUnreachable(ref, result.reason, log);
  }
  return { ...result, requests: result.requests + reads };
}
