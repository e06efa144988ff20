/**
 * The outbox's IssueCreator over Octokit: creates the web-form issue, and finds one already created
 * by its hidden marker after an uncertain failure. Requests time out well inside the worker's lease.
 */
import { readWebFormKey } from "../core/intake/render-body.js";
import type { CreatedIssue, IssueCreator, NewIssue } from "../store/outbox-worker.js";

/** The two calls used, so any Octokit (Probot's, an installation's, a test's) fits. */
export interface IssuesOctokit {
  rest: {
    issues: {
      create(params: { [key: string]: unknown } & NewIssue): Promise<{ data: { number: number; html_url: string } }>;
      listForRepo(params: {
        [key: string]: unknown;
        owner: string;
        repo: string;
        state: "all";
        sort: "created";
        direction: "desc";
        since: string;
        per_page: number;
        page: number;
      }): Promise<{ data: { number: number; html_url: string; body?: string | null; created_at: string }[] }>;
    };
  };
}

export interface IssueCreatorOptions {
  /** Per-request timeout; keep it well under the outbox lease (5 minutes by default). */
  timeoutMs?: number;
  /** Pages of 100 issues searched for a marker before concluding the issue was never created. */
  maxPages?: number;
  /** Slack for the difference between our clock and GitHub's. */
  clockSkewMs?: number;
}

/**
 * `octokit` may be a function, so that an installation token is fetched fresh for each call
 * (installation tokens expire after an hour; the worker runs for days).
 */
export function createIssueCreator(octokit: IssuesOctokit | (() => Promise<IssuesOctokit>), options: IssueCreatorOptions = {}): IssueCreator {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxPages = options.maxPages ?? 10;
  const skewMs = options.clockSkewMs ?? 10 * 60_000;
  const client = typeof octokit === "function" ? octokit : async () => octokit;
  return {
    async createIssue(issue: NewIssue): Promise<CreatedIssue> {
      const { data } = await (await client()).rest.issues.create({ ...issue, request: { signal: AbortSignal.timeout(timeoutMs) } });
      return { number: data.number, url: data.html_url };
    },
    async findWebFormIssue({ owner, repo, submissionId, since }): Promise<CreatedIssue | undefined> {
      const from = new Date(since.getTime() - skewMs);
      const api = await client();
      for (let page = 1; page <= maxPages; page++) {
        const { data } = await api.rest.issues.listForRepo({
          owner,
          repo,
          state: "all",
          sort: "created",
          direction: "desc",
          since: from.toISOString(),
          per_page: 100,
          page,
          request: { signal: AbortSignal.timeout(timeoutMs) },
        });
        const found = data.find((issue) => readWebFormKey(issue.body) === submissionId);
        if (found) return { number: found.number, url: found.html_url };
        // Newest first: once issues predate the first uncertain attempt, ours is not further on.
        if (data.length < 100 || data.some((issue) => new Date(issue.created_at) < from)) return undefined;
      }
      return undefined;
    },
  };
}
