/**
 * Drains the outbox into GitHub issues, exactly once: before a create request leaves, the row is
 * marked "may exist"; a later attempt on such a row first looks for the issue by its hidden marker.
 * Retries with exponential backoff (capped); resumes after a restart because all state is in the store.
 */
import { LABELS } from "../core/config/labels.js";
import type { Outbox, Submission } from "./outbox.js";

export interface NewIssue {
  owner: string;
  repo: string;
  title: string;
  body: string;
  labels: string[];
}

export interface CreatedIssue {
  number: number;
  url: string;
}

/** What the worker needs of GitHub (src/github/create-issue.ts implements it over Octokit). */
export interface IssueCreator {
  createIssue(issue: NewIssue): Promise<CreatedIssue>;
  /** The issue carrying this submission's marker, created at or after `since`, if any. */
  findWebFormIssue(query: { owner: string; repo: string; submissionId: string; since: Date }): Promise<CreatedIssue | undefined>;
}

export interface Backoff {
  baseMs: number;
  capMs: number;
}

export interface OutboxWorkerOptions {
  outbox: Outbox;
  issues: IssueCreator;
  now: () => Date;
  log?: { info(data: object, msg: string): void; warn(data: object, msg: string): void };
  backoff?: Backoff;
  /** Attempts before a submission is given up as failed (it stays in the store). */
  maxAttempts?: number;
  /** How long a claimed row is ours; must exceed the creator's request timeout. */
  leaseMs?: number;
  /** How often `start()` looks for due rows. */
  pollMs?: number;
}

export interface DrainCounts {
  created: number;
  retried: number;
  failed: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, capMs: 15 * 60_000 };

/** Delay before attempt `attempts + 1`: base · 2^(attempts-1), capped. */
export function backoffMs(attempts: number, backoff: Backoff): number {
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

/**
 * How a failed request is read. 4xx that describe the request itself are final; GitHub refused it
 * outright, so nothing was created. 5xx and network errors may have created the issue.
 */
export function classifyFailure(error: unknown): { permanent: boolean; mayExist: boolean } {
  const status = (error as { status?: unknown })?.status;
  if (typeof status !== "number") return { permanent: false, mayExist: true };
  if ([400, 404, 410, 422].includes(status)) return { permanent: true, mayExist: false };
  if (status < 500) return { permanent: false, mayExist: false };
  return { permanent: false, mayExist: true };
}

export class OutboxWorker {
  private readonly backoff: Backoff;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<DrainCounts> | undefined;
  private readonly inFlight = new Set<string>();
  private stopped = true;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.maxAttempts = options.maxAttempts ?? 200;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 1_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  /** Delivers every due row once; stops early when GitHub seems down (no point hammering it). */
  drainOnce(): Promise<DrainCounts> {
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
    return this.draining;
  }

  /** One attempt at one row now (right after a post); the row stays queued if it fails. */
  async deliver(id: string): Promise<Submission | undefined> {
    const row = this.options.outbox.claim(id, this.options.now(), this.leaseMs);
    if (row) await this.attempt(row);
    return this.options.outbox.get(id);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drainOnce()
        .catch((error: unknown) => this.options.log?.warn({ err: String(error) }, "web-form outbox pass failed"))
        .finally(() => this.schedule(this.pollMs));
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<DrainCounts> {
    const counts: DrainCounts = { created: 0, retried: 0, failed: 0 };
    for (;;) {
      const row = this.options.outbox.claimNext(this.options.now(), this.leaseMs);
      if (!row) return counts;
      const outcome = await this.attempt(row);
      counts[outcome]++;
      if (outcome === "retried") return counts;
    }
  }

  private async attempt(row: Submission): Promise<keyof DrainCounts> {
    const { outbox, issues, now, log } = this.options;
    if (this.inFlight.has(row.id)) return "retried";
    this.inFlight.add(row.id);
    try {
      let issue = row.mayExistSince
        ? await issues.findWebFormIssue({ owner: row.owner, repo: row.repo, submissionId: row.id, since: row.mayExistSince })
        : undefined;
      if (!issue) {
        outbox.markMayExist(row.id, now());
        issue = await issues.createIssue({ owner: row.owner, repo: row.repo, title: row.title, body: row.body, labels: [LABELS.webForm] });
      }
      outbox.markCreated(row.id, issue, now());
      outbox.releaseBackoffs(now());
      log?.info({ submission: row.id, issue: issue.number, attempts: row.attempts }, "web-form submission became an issue");
      return "created";
    } catch (error) {
      const { permanent, mayExist } = classifyFailure(error);
      const message = describe(error);
      if (permanent || row.attempts >= this.maxAttempts) {
        outbox.markFailed(row.id, message, now());
        log?.warn({ submission: row.id, attempts: row.attempts, error: message }, "web-form submission failed permanently");
        return "failed";
      }
      const next = new Date(now().getTime() + backoffMs(row.attempts, this.backoff));
      outbox.markRetry(row.id, message, next, mayExist || row.mayExistSince !== null, now());
      log?.warn({ submission: row.id, attempts: row.attempts, error: message, next: next.toISOString() }, "web-form submission will be retried");
      return "retried";
    } finally {
      this.inFlight.delete(row.id);
    }
  }
}

function describe(error: unknown): string {
  const status = (error as { status?: unknown })?.status;
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === "number" ? `HTTP ${status}: ${message}` : message;
}
