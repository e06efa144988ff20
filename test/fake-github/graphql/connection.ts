/**
 * Relay connections as GitHub pages them: first/last at most 100 and one of them required,
 * opaque base64 cursors that encode the item's sort key (so a page stays right when earlier
 * items change), and totalCount over everything that matched.
 */
import { GitHubQueryError } from "./query-error.js";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export type SortKey = readonly (string | number)[];

const MAX_PAGE = 100;

export function encodeCursor(key: SortKey): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString("base64");
}

function decodeCursor(cursor: string, field: string): SortKey {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  if (text.startsWith("cursor:v2:")) {
    try {
      const key = JSON.parse(text.slice("cursor:v2:".length)) as unknown;
      if (Array.isArray(key)) return key as SortKey;
    } catch {
      // falls through to GitHub's answer for a cursor it did not issue
    }
  }
  throw new GitHubQueryError("INVALID_CURSOR_ARGUMENTS", `\`${cursor}\` does not appear to be a valid cursor for \`${field}\`.`);
}

function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return a.length - b.length;
}

function checkLimit(field: string, name: "first" | "last", value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (value < 0) throw new GitHubQueryError("INVALID_ARGUMENTS", `\`${name}\` on the \`${field}\` connection cannot be less than zero.`);
  if (value > MAX_PAGE) {
    throw new GitHubQueryError(
      "EXCESSIVE_PAGINATION",
      `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
    );
  }
}

/**
 * One page of `items`, which must already be in order: `keyOf` gives each item's sort key and
 * `descending` says whether the keys fall along the list.
 */
export function connection<T>(
  field: string,
  items: readonly T[],
  args: ConnectionArgs,
  keyOf: (item: T) => SortKey,
  toNode: (item: T) => unknown,
  descending = false,
) {
  if (args.first == null && args.last == null) {
    throw new GitHubQueryError(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
    );
  }
  checkLimit(field, "first", args.first);
  checkLimit(field, "last", args.last);
  const sign = descending ? -1 : 1;
  let start = 0;
  let end = items.length;
  if (args.after) {
    const key = decodeCursor(args.after, field);
    const index = items.findIndex((item) => sign * compareKeys(keyOf(item), key) > 0);
    start = index < 0 ? items.length : index;
  }
  if (args.before) {
    const key = decodeCursor(args.before, field);
    const index = items.findIndex((item) => sign * compareKeys(keyOf(item), key) >= 0);
    end = index < 0 ? items.length : index;
  }
  const windowStart = start;
  const windowEnd = Math.max(end, start);
  if (args.first != null) end = Math.min(windowEnd, start + args.first);
  else end = windowEnd;
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = items.slice(start, end);
  const cursorOf = (item: T) => encodeCursor(keyOf(item));
  return {
    totalCount: items.length,
    nodes: () => slice.map(toNode),
    edges: () => slice.map((item) => ({ cursor: cursorOf(item), node: toNode(item) })),
    pageInfo: {
      hasNextPage: end < windowEnd,
      hasPreviousPage: start > windowStart,
      startCursor: slice.length ? cursorOf(slice[0]!) : null,
      endCursor: slice.length ? cursorOf(slice[slice.length - 1]!) : null,
    },
  };
}
