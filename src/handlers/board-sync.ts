/**
 * Keeps a ticket's card on the board current after a change the app made or saw (docs/board.md):
 * fields from the labels and the clock in hand, only what differs written. Never fails the handler.
 */
import { boardFieldsOf, hasReportedBoardError, isBoardTicket, renderBoardError, responsibleTimeZone } from "../core/board/index.js";
import { type SlaClock, currentClock, deriveClocks } from "../core/clocks/index.js";
import type { Config } from "../core/config/index.js";
import { LABELS, type Tier } from "../core/config/labels.js";
import { clockRulesFor } from "../core/reminders/reminders.js";
import type { BoardCache, BoardLog } from "../github/board.js";
import { syncTicket } from "../github/board-items.js";
import { postComment } from "../github/issues.js";
import type { IssueRef, Octokit, RepoRef } from "../github/octokit.js";
import { readSupportTicket } from "../github/support-ticket.js";
import type { CalendarCache } from "./deps.js";
import { isBot } from "./guards.js";

/** The clock facts a card shows (boardFieldsOf reads nothing else of a clock). */
export type BoardClock = Pick<SlaClock, "tier" | "state" | "dueAt">;

/** A clock entered now in `tier` (triage, a command that moved the ticket): paused at once under a pause label. */
export function enteredClock(tier: Tier, labels: readonly string[], dueAt: Date | undefined): BoardClock {
  if (labels.includes(LABELS.outOfScope)) return { tier, state: "closed" };
  if (labels.includes(LABELS.needsInfo) || labels.includes(LABELS.external)) return { tier, state: "paused" };
  return { tier, state: "on track", ...(dueAt && { dueAt }) };
}

/** SPEC §2: a comment by the responsible side answers the current tier's clock, whatever it stood at. */
export function answeredClock(tier: Tier): BoardClock {
  return { tier, state: "answered" };
}

interface ChangeBase {
  state: "open" | "closed";
  /** The issue's node id, from the webhook payload. */
  nodeId?: string;
  /** An issue opened just now has no card yet: none is read. */
  isNewIssue?: boolean;
  /** The app's comments on the issue, when the handler has them (else read only to report an unreachable board). */
  appCommentBodies?: readonly string[];
}

/**
 * What changed: the labels now and the current clock, or `clockFromHistory` when the handler cannot
 * tell the clock from what it read (one GraphQL query of the ticket's history, made only here).
 */
export type BoardChange = ChangeBase & ({ labels: readonly string[]; clock: BoardClock | undefined } | { clockFromHistory: true });

export interface BoardSyncLog extends BoardLog {
  error(fields: Record<string, unknown>, message: string): void;
}

export interface BoardSyncTarget {
  octokit: Octokit;
  issue: IssueRef;
  log: BoardSyncLog;
}

/** A handler's event as a sync target. */
export function boardTargetOf(context: { octokit: unknown; issue(): IssueRef; log: BoardSyncLog }): BoardSyncTarget {
  return { octokit: context.octokit as Octokit, issue: context.issue(), log: context.log };
}

export interface BoardSyncDeps {
  boards: BoardCache;
  calendars: CalendarCache;
  now(): Date;
  knownBoards?: KnownBoards;
}

export type BoardSyncOutcome = "no board" | "unchanged" | "written" | "unreachable" | "failed";

/**
 * Brings the issue's card to what its labels and clock say. Without `board` in the configuration it
 * makes no request. A board out of reach is said once on the issue (hidden `board-error` marker);
 * any other failure is logged: the labels are written already, and `duet-support board` repairs cards.
 */
export async function syncBoard(target: BoardSyncTarget, deps: BoardSyncDeps, config: Config, change: BoardChange): Promise<BoardSyncOutcome> {
  const { octokit, issue, log } = target;
  deps.knownBoards?.note(issue, config);
  const board = config.board;
  if (!board) return "no board";
  try {
    const seen = "clockFromHistory" in change ? await readCurrentClock(octokit, issue, config, deps) : change;
    // A new issue without a tier stays off the board: not even the board is read.
    if (!seen || (change.isNewIssue && !isBoardTicket(seen.labels))) return "unchanged";
    // boardFieldsOf reads only the clock's tier, state and due time.
    const wanted = boardFieldsOf({ labels: seen.labels, state: seen.state }, seen.clock as SlaClock | undefined, responsibleTimeZone(config, seen.labels, seen.clock?.tier ?? null));
    const result = await syncTicket(octokit, deps.boards, board, { ...issue, ...(change.nodeId && { nodeId: change.nodeId }), ...(change.isNewIssue && { item: null }) }, wanted, log);
    if (result.ok) {
      if (result.changes.length > 0) log.info({ issue: issue.issue_number, added: result.added, fields: result.changes.map((c) => c.key), requests: result.requests }, "board card updated");
      return result.changes.length > 0 ? "written" : "unchanged";
    }
    if (result.isNew) {
      const bodies = seen.appCommentBodies ?? (change.isNewIssue ? [] : await readAppCommentBodies(octokit, issue));
      if (!hasReportedBoardError(bodies, board)) await postComment(octokit, issue, renderBoardError(board, result.reason));
    }
    return "unreachable";
  } catch (error) {
    log.error({ issue: issue.issue_number, err: error }, "board sync failed; the labels stand and `duet-support board` repairs the card");
    return "failed";
  }
}

interface SeenTicket {
  labels: readonly string[];
  state: "open" | "closed";
  clock: BoardClock | undefined;
  appCommentBodies?: readonly string[];
}

/**
 * The current clock from the ticket's history, read after the handler's writes. Responders are
 * recognised by write access (GitHub's comment association), as the back-fill does without team reads.
 */
async function readCurrentClock(octokit: Octokit, issue: IssueRef, config: Config, deps: BoardSyncDeps): Promise<SeenTicket | undefined> {
  const repo: RepoRef = { owner: issue.owner, repo: issue.repo };
  const ticket = await readSupportTicket(octokit, repo, issue.issue_number);
  if (!ticket) return undefined;
  const rules = clockRulesFor(ticket, { config, org: repo.owner, ownerRules: [], teamMembers: new Map(), calendarFor: (partner) => deps.calendars.forPartner(config, partner) });
  const clock = currentClock(deriveClocks(ticket.history, rules, deps.now()));
  return { labels: ticket.labels, state: ticket.state, clock, appCommentBodies: ticket.appCommentBodies };
}

/** The app's own comments; read only to say an unreachable board once. */
async function readAppCommentBodies(octokit: Octokit, issue: IssueRef): Promise<string[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 });
  return comments.filter((c) => isBot(c.user)).map((c) => c.body ?? "");
}

/** A ticket (it has a tier) in a repository known to mirror to a board: a plain comment or a close may change its card. */
export function isOnKnownBoard(deps: { knownBoards: KnownBoards }, repo: RepoRef, labels: readonly string[]): boolean {
  return isBoardTicket(labels) && deps.knownBoards.has(repo);
}

/**
 * Repositories whose configuration named a board when the app last read it. A plain comment or a
 * close reads nothing else, so only these pay a configuration read to keep the card current.
 */
export class KnownBoards {
  private readonly repos = new Set<string>();

  note(repo: RepoRef, config: Pick<Config, "board">): void {
    if (config.board) this.repos.add(keyOf(repo));
    else this.repos.delete(keyOf(repo));
  }

  has(repo: RepoRef): boolean {
    return this.repos.has(keyOf(repo));
  }
}

function keyOf(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}
