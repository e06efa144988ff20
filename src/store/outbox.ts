/**
 * The web-form outbox: each submission waits here, keyed by its idempotency key, until it becomes
 * exactly one GitHub issue. Rows move queued → created | failed; a lease marks the row a worker is
 * delivering, so a worker that died releases its row when the lease runs out.
 */
import { createHash, randomBytes } from "node:crypto";
import type Database from "better-sqlite3";

export type SubmissionStatus = "queued" | "created" | "failed";

export interface Submission {
  /** The public reference given to the reporter (also the key of the hidden marker in the issue). */
  id: string;
  idempotencyKey: string;
  owner: string;
  repo: string;
  title: string;
  body: string;
  status: SubmissionStatus;
  attempts: number;
  nextAttemptAt: Date;
  /** Set once a create request was sent whose outcome is unknown: look for the issue before creating. */
  mayExistSince: Date | null;
  issue: { number: number; url: string } | null;
  lastError: string | null;
  createdAt: Date;
}

export interface NewSubmission {
  /** From newSubmissionId(): the caller needs it first, to put it in the body's marker. */
  id: string;
  idempotencyKey: string;
  /** Identifies the content (not the id), so a replay with the same key and content is recognised. */
  fingerprint: string;
  owner: string;
  repo: string;
  title: string;
  body: string;
  reporter?: { name?: string | undefined; email?: string | undefined } | undefined;
}

export type EnqueueResult =
  | { kind: "new"; submission: Submission }
  | { kind: "existing"; submission: Submission }
  /** The key was used before for different content. */
  | { kind: "conflict"; submission: Submission };

interface Row {
  id: string;
  idempotency_key: string;
  content_hash: string;
  owner: string;
  repo: string;
  title: string;
  body: string;
  status: SubmissionStatus;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  may_exist_since: number | null;
  issue_number: number | null;
  issue_url: string | null;
  last_error: string | null;
  created_at: number;
}

/** A short reference a person can read out on the phone: "WF-" and 10 base32 characters (50 bits). */
export function newSubmissionId(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789"; // 32 symbols, no I, L, O or U
  const bytes = randomBytes(10);
  return `WF-${[...bytes].map((b) => alphabet[b % 32]).join("")}`;
}

export class Outbox {
  constructor(private readonly db: Database.Database) {}

  /** Stores a submission (and its reporter, in the same transaction) unless its key is known. */
  enqueue(input: NewSubmission, now: Date): EnqueueResult {
    const hash = input.fingerprint;
    return this.db
      .transaction((): EnqueueResult => {
        const existing = this.db.prepare("SELECT * FROM submissions WHERE idempotency_key = ?").get(input.idempotencyKey) as Row | undefined;
        if (existing) return { kind: existing.content_hash === hash ? "existing" : "conflict", submission: toSubmission(existing) };
        const id = input.id;
        const at = now.getTime();
        this.db
          .prepare(
            `INSERT INTO submissions (id, idempotency_key, content_hash, owner, repo, title, body, status, attempts, next_attempt_at, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)`,
          )
          .run(id, input.idempotencyKey, hash, input.owner, input.repo, input.title, input.body, at, at, at);
        const { name, email } = input.reporter ?? {};
        if (name || email) {
          this.db
            .prepare("INSERT INTO reporters (submission_id, name, email, submitted_at) VALUES (?, ?, ?, ?)")
            .run(id, name || null, email || null, at);
        }
        return { kind: "new", submission: this.get(id)! };
      })
      .immediate();
  }

  get(id: string): Submission | undefined {
    const row = this.db.prepare("SELECT * FROM submissions WHERE id = ?").get(id) as Row | undefined;
    return row && toSubmission(row);
  }

  /** Leases the next due queued row, or undefined when none is due. */
  claimNext(now: Date, leaseMs: number): Submission | undefined {
    const at = now.getTime();
    const row = this.db
      .prepare(
        `UPDATE submissions SET lease_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = (SELECT id FROM submissions
                     WHERE status = 'queued' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                     ORDER BY next_attempt_at, created_at LIMIT 1)
         RETURNING *`,
      )
      .get(at + leaseMs, at, at, at) as Row | undefined;
    return row && toSubmission(row);
  }

  /** Leases one row now, whatever its schedule (the first attempt right after a post). */
  claim(id: string, now: Date, leaseMs: number): Submission | undefined {
    const at = now.getTime();
    const row = this.db
      .prepare(
        `UPDATE submissions SET lease_until = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = ? AND status = 'queued' AND (lease_until IS NULL OR lease_until < ?) RETURNING *`,
      )
      .get(at + leaseMs, at, id, at) as Row | undefined;
    return row && toSubmission(row);
  }

  /** Written before the create request leaves: if we die now, the next attempt looks first. */
  markMayExist(id: string, now: Date): void {
    this.db.prepare("UPDATE submissions SET may_exist_since = COALESCE(may_exist_since, ?) WHERE id = ?").run(now.getTime(), id);
  }

  markCreated(id: string, issue: { number: number; url: string }, now: Date): void {
    this.db
      .prepare(
        `UPDATE submissions SET status = 'created', issue_number = ?, issue_url = ?, lease_until = NULL, last_error = NULL, updated_at = ?
         WHERE id = ?`,
      )
      .run(issue.number, issue.url, now.getTime(), id);
  }

  /** Schedules another attempt. `mayExist` false clears the marker (the request was refused outright). */
  markRetry(id: string, error: string, nextAttemptAt: Date, mayExist: boolean, now: Date): void {
    this.db
      .prepare(
        `UPDATE submissions SET next_attempt_at = ?, lease_until = NULL, last_error = ?, updated_at = ?,
           may_exist_since = CASE WHEN ? THEN may_exist_since ELSE NULL END
         WHERE id = ?`,
      )
      .run(nextAttemptAt.getTime(), error.slice(0, 500), now.getTime(), mayExist ? 1 : 0, id);
  }

  markFailed(id: string, error: string, now: Date): void {
    this.db
      .prepare("UPDATE submissions SET status = 'failed', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?")
      .run(error.slice(0, 500), now.getTime(), id);
  }

  /** GitHub answered again: everything waiting on a backoff may go now. */
  releaseBackoffs(now: Date): number {
    const at = now.getTime();
    return this.db.prepare("UPDATE submissions SET next_attempt_at = ? WHERE status = 'queued' AND next_attempt_at > ?").run(at, at).changes;
  }

  /** Rows per status, for logs and health checks. */
  counts(): Record<SubmissionStatus, number> {
    const counts: Record<SubmissionStatus, number> = { queued: 0, created: 0, failed: 0 };
    for (const row of this.db.prepare("SELECT status, COUNT(*) AS n FROM submissions GROUP BY status").all() as { status: SubmissionStatus; n: number }[]) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /** When the earliest queued row is due, or undefined when nothing waits. */
  nextDueAt(): Date | undefined {
    const row = this.db.prepare("SELECT MIN(next_attempt_at) AS at FROM submissions WHERE status = 'queued'").get() as { at: number | null };
    return row.at === null ? undefined : new Date(row.at);
  }
}

/** A fingerprint of anything JSON can hold, for NewSubmission.fingerprint. */
export function fingerprintOf(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

function toSubmission(row: Row): Submission {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    owner: row.owner,
    repo: row.repo,
    title: row.title,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    mayExistSince: row.may_exist_since === null ? null : new Date(row.may_exist_since),
    issue: row.issue_number !== null && row.issue_url !== null ? { number: row.issue_number, url: row.issue_url } : null,
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
  };
}
