/** Counts what an Octokit sends, reads and writes apart: the rate limit is the real budget. */
import type { Octokit } from "./octokit.js";

export interface RequestCount {
  reads: number;
  writes: number;
  readonly total: number;
}

/** GraphQL queries are reads; GraphQL mutations and non-GET REST calls are writes. */
export function countRequests(octokit: Octokit): RequestCount {
  const count = {
    reads: 0,
    writes: 0,
    get total() {
      return this.reads + this.writes;
    },
  };
  octokit.hook.before("request", (options) => {
    const url = String(options.url ?? "");
    if (url.includes("/access_tokens")) return;
    const isGraphql = url.endsWith("/graphql");
    const query = String((options as { query?: unknown }).query ?? "");
    const isWrite = isGraphql ? /^\s*mutation\b/.test(query) : options.method !== "GET";
    if (isWrite) count.writes++;
    else count.reads++;
  });
  return count;
}
