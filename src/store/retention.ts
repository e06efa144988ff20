/**
 * What the store forgets, and when: a reporter's name and e-mail `afterCloseDays` after the ticket
 * closes or `maxDays` after submission, whichever comes first; whole submissions after `maxDays`;
 * webhook delivery ids after 30 days.
 */
import type Database from "better-sqlite3";
import { pruneDeliveries } from "./deliveries.js";

export interface RetentionPolicy {
  /** `RETENTION_DAYS`: days personal data is kept after the ticket closes. */
  afterCloseDays: number;
  /** Days anything of a submission is kept, closed or not. */
  maxDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { afterCloseDays: 90, maxDays: 365 };

export interface PurgeCounts {
  reporters: number;
  submissions: number;
  deliveries: number;
}

const DAY_MS = 86_400_000;

export function purgeExpired(db: Database.Database, now: Date, policy: RetentionPolicy): PurgeCounts {
  const closedBefore = now.getTime() - policy.afterCloseDays * DAY_MS;
  const submittedBefore = now.getTime() - policy.maxDays * DAY_MS;
  return db.transaction((): PurgeCounts => {
    const reporters = db
      .prepare("DELETE FROM reporters WHERE (closed_at IS NOT NULL AND closed_at < ?) OR submitted_at < ?")
      .run(closedBefore, submittedBefore).changes;
    // Queued rows are kept whatever their age: they are a promise not yet kept.
    const submissions = db
      .prepare("DELETE FROM submissions WHERE status <> 'queued' AND created_at < ?")
      .run(submittedBefore).changes;
    return { reporters, submissions, deliveries: pruneDeliveries(db, now) };
  })();
}
