/**
 * Webhook delivery ids already handled, so a redelivered webhook does nothing twice.
 * Ids are kept 30 days (GitHub redelivers within days, never months).
 */
import type Database from "better-sqlite3";

export const DELIVERY_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * True the first time an id is claimed. An id claimed earlier by a process that died before finishing
 * (no `handled_at`, and not one this process holds) is claimed again: its redelivery must not be lost.
 */
export function claimDelivery(db: Database.Database, id: string, now: Date, heldHere: ReadonlySet<string>): boolean {
  const inserted = db.prepare("INSERT OR IGNORE INTO deliveries (id, received_at) VALUES (?, ?)").run(id, now.getTime());
  if (inserted.changes === 1) return true;
  if (heldHere.has(id)) return false;
  const reclaimed = db.prepare("UPDATE deliveries SET received_at = ? WHERE id = ? AND handled_at IS NULL").run(now.getTime(), id);
  return reclaimed.changes === 1;
}

/** The handling finished: a redelivery from now on is a duplicate. */
export function completeDelivery(db: Database.Database, id: string, now: Date): void {
  db.prepare("UPDATE deliveries SET handled_at = ? WHERE id = ?").run(now.getTime(), id);
}

/** Forgets a delivery whose handling failed, so GitHub's redelivery can run it again. */
export function releaseDelivery(db: Database.Database, id: string): void {
  db.prepare("DELETE FROM deliveries WHERE id = ?").run(id);
}

export function pruneDeliveries(db: Database.Database, now: Date): number {
  const cutoff = now.getTime() - DELIVERY_RETENTION_DAYS * DAY_MS;
  return db.prepare("DELETE FROM deliveries WHERE received_at < ?").run(cutoff).changes;
}
