/**
 * `duet-support board`: repairs the whole board from the issues. Reads pages of board items and
 * pages of issues, plans in the core, then writes in batches (50 adds or field writes a request);
 * a second run finds nothing to change and makes no mutation. A dry run writes nothing.
 */
import { createBusinessCalendar, type BusinessCalendar } from "../core/calendar/index.js";
import { currentClock, deriveClocks } from "../core/clocks/index.js";
import { type BoardPlan, type BoardPlanEntry, boardFieldsOf, fieldChanges, isBoardTicket, planBoard, responsibleTimeZone } from "../core/board/index.js";
import { partnerCalendarSpec } from "../core/config/calendar-spec.js";
import type { Config } from "../core/config/index.js";
import { type SweepContext, clockRulesFor } from "../core/reminders/reminders.js";
import { type Result, fail, ok } from "../core/result.js";
import { type Board, BoardCache, type BoardLog, unreachableReason } from "../github/board.js";
import { type BoardItem, type GqlFieldValue, currentFieldsOf, fieldWritesOf } from "../github/board-items.js";
import { BOARD_ITEMS_QUERY, type FieldWrite, addItemsMutation, issueIdsQuery, setFieldsMutation } from "../github/board-queries.js";
import { asUnavailable } from "../github/errors.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { readTicketPages } from "../github/support-tickets.js";

export interface BackfillOptions {
  octokit: Octokit;
  repo: RepoRef;
  config: Config;
  dryRun?: boolean;
  now: Date;
  log: BoardLog;
  /** What the sweep reads for the clocks (SUPPORT_OWNERS rules, team members); without it, responders are people with write access. */
  clockContext?: Pick<SweepContext, "ownerRules" | "teamMembers">;
  /** Shared with the server's handlers, so an unreachable board is not retried; a fresh one per CLI run. */
  cache?: BoardCache;
}

export interface BackfillReport {
  board: string;
  dryRun: boolean;
  /** Issues read (open and closed). */
  issues: number;
  /** Cards of this repository's issues found on the board. */
  items: number;
  added: number;
  updated: number;
  unchanged: number;
  /** GraphQL requests made, reads and writes; `mutations` of them wrote. */
  requests: number;
  mutations: number;
  /** Fields and options created (or, in a dry run, to create). */
  setUp: string[];
  plan: BoardPlan;
}

const WRITES_PER_REQUEST = 50;
const IDS_PER_REQUEST = 100;

export async function backfillBoard(options: BackfillOptions): Promise<Result<BackfillReport>> {
  const { repo, config, now, log } = options;
  const dryRun = options.dryRun ?? false;
  if (!config.board) return fail({ where: "board", message: "no board is configured in .github/duet-support.yml" });
  const { octokit, counts } = counting(options.octokit);
  const ref = config.board;
  const cache = options.cache ?? new BoardCache();
  const opened = await cache.open(octokit, ref, log, { dryRun });
  if (!opened.ok) return fail({ where: `board ${ref.owner}/${ref.number}`, message: opened.reason });
  const board = opened.board;

  try {
    const items = await readItems(octokit, board, repo);
    const entries: BoardPlanEntry[] = [];
    const wantedOf = wantedFields(config, repo, options.clockContext, now);
    let issues = 0;
    for await (const page of readTicketPages(octokit, repo, { states: ["OPEN", "CLOSED"], pageSize: 100 })) {
      issues += page.length;
      for (const ticket of page) {
        const item = items.get(ticket.number);
        if (!item && !isBoardTicket(ticket.labels)) continue;
        entries.push({ number: ticket.number, labels: ticket.labels, wanted: wantedOf(ticket), ...(item && { item }) });
      }
    }
    const plan = planBoard(entries);
    const report: BackfillReport = {
      board: `${ref.owner}/${ref.number}`,
      dryRun,
      issues,
      items: items.size,
      added: plan.add.length,
      updated: plan.update.length,
      unchanged: plan.unchanged,
      requests: 0,
      mutations: 0,
      setUp: board.setUp,
      plan,
    };
    if (!dryRun) await applyPlan(octokit, board, repo, plan, new Map(entries.map((e) => [e.number, e.wanted])));
    log.info({ board: report.board, dryRun, added: report.added, updated: report.updated, unchanged: report.unchanged, requests: counts.requests }, "board: back-fill done");
    return ok({ ...report, requests: counts.requests, mutations: counts.mutations });
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason) {
      cache.forget(ref);
      return fail({ where: `board ${ref.owner}/${ref.number}`, message: cache.markUnreachable(ref, reason, log).reason });
    }
    throw asUnavailable(error, "back-filling the board");
  }
}

type Ticket = Parameters<typeof clockRulesFor>[0] & { state: "open" | "closed"; history: Parameters<typeof deriveClocks>[0] };

function wantedFields(config: Config, repo: RepoRef, clockContext: BackfillOptions["clockContext"], now: Date) {
  const calendars = new Map<string, BusinessCalendar>();
  const context: SweepContext = {
    config,
    org: repo.owner,
    ownerRules: clockContext?.ownerRules ?? [],
    teamMembers: clockContext?.teamMembers ?? new Map(),
    calendarFor: (partnerId) => {
      let calendar = calendars.get(partnerId);
      if (!calendar) calendars.set(partnerId, (calendar = createBusinessCalendar(partnerCalendarSpec(config, partnerId))));
      return calendar;
    },
  };
  return (ticket: Ticket) => {
    const clock = currentClock(deriveClocks(ticket.history, clockRulesFor(ticket, context), now));
    return boardFieldsOf(ticket, clock, responsibleTimeZone(config, ticket.labels, clock?.tier ?? null));
  };
}

interface GqlItemsPage {
  organization: {
    projectV2: {
      items: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: ({ id: string; content: { __typename: string; number?: number; repository?: { nameWithOwner: string } } | null; fieldValues: { nodes: (GqlFieldValue | null)[] } } | null)[];
      };
    } | null;
  } | null;
}

/** This repository's cards, by issue number, 100 a page. */
async function readItems(octokit: Octokit, board: Board, repo: RepoRef): Promise<Map<number, BoardItem>> {
  const wanted = `${repo.owner}/${repo.repo}`.toLowerCase();
  const items = new Map<number, BoardItem>();
  let after: string | null = null;
  do {
    const data: GqlItemsPage = await octokit.graphql<GqlItemsPage>(BOARD_ITEMS_QUERY, { owner: board.ref.owner, number: board.ref.number, after });
    const page = data.organization?.projectV2?.items;
    if (!page) break;
    for (const node of page.nodes) {
      const content = node?.content;
      if (!node || content?.__typename !== "Issue" || content.repository?.nameWithOwner.toLowerCase() !== wanted) continue;
      items.set(content.number!, { id: node.id, current: currentFieldsOf(node.fieldValues.nodes, board) });
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return items;
}

async function applyPlan(octokit: Octokit, board: Board, repo: RepoRef, plan: BoardPlan, wanted: Map<number, ReturnType<typeof boardFieldsOf>>): Promise<void> {
  const writes: FieldWrite[] = plan.update.flatMap((u) => fieldWritesOf(board, u.itemId, u.changes));
  const nodeIds = new Map<number, string>();
  for (const numbers of chunks(plan.add.map((a) => a.number), IDS_PER_REQUEST)) {
    const lookup = issueIdsQuery(repo.owner, repo.repo, numbers);
    const data = await octokit.graphql<{ repository: Record<string, { id: string; number: number } | null> }>(lookup.query, lookup.variables);
    for (const issue of Object.values(data.repository)) if (issue) nodeIds.set(issue.number, issue.id);
  }
  const toAdd = plan.add.filter((a) => nodeIds.has(a.number));
  for (const batch of chunks(toAdd, WRITES_PER_REQUEST)) {
    const add = addItemsMutation(board.projectId, batch.map((a) => nodeIds.get(a.number)!));
    type Added = { item: { id: string; fieldValues: { nodes: (GqlFieldValue | null)[] } } };
    const data = await octokit.graphql<Record<string, Added>>(add.query, add.variables);
    batch.forEach((a, i) => {
      const item = data[`a${i}`]!.item;
      // GitHub answers an existing card for an issue already there: compare with what it shows.
      const changes = fieldChanges(currentFieldsOf(item.fieldValues.nodes, board), wanted.get(a.number)!);
      writes.push(...fieldWritesOf(board, item.id, changes));
    });
  }
  for (const batch of chunks(writes, WRITES_PER_REQUEST)) {
    const set = setFieldsMutation(board.projectId, batch);
    await octokit.graphql(set.query, set.variables);
  }
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The same client, counting its GraphQL requests and, of them, mutations (the run's summary). */
function counting(octokit: Octokit): { octokit: Octokit; counts: { requests: number; mutations: number } } {
  const counts = { requests: 0, mutations: 0 };
  const graphql = (query: string, variables?: Record<string, unknown>) => {
    counts.requests++;
    if (/^\s*mutation\b/.test(query)) counts.mutations++;
    return octokit.graphql(query, variables);
  };
  return { octokit: Object.create(octokit, { graphql: { value: graphql } }) as Octokit, counts };
}
