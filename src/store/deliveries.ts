/**
 * Webhook delivery ids already handled, so a redelivered webhook does nothing twice.
 * Ids are kept 30 days (GitHub redelivers within days, never months).
 */
import type Database from "better-sqlite3";

export const DELIVERY_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export function claimDelivery(db: Database.Database, id: string, now: Date): boolean {
  const result = db.prepare("INSERT OR IGNORE INTO deliveries (id, received_at) VALUES (?, ?)").run(id, now.getTime());
  return result.changes === 1;
}

/** Forgets a delivery whose handling failed, so GitHub's redelivery can run it again. */
export function releaseDelivery(db: Database.Database, id: string): void {
  db.prepare("DELETE FROM deliveries WHERE id = ?").run(id);
}

export function pruneDeliveries(db: Database.Database, now: Date): number {
  const cutoff = now.getTime() - DELIVERY_RETENTION_DAYS * DAY_MS;
  return db.prepare("DELETE FROM deliveries WHERE received_at < ?").run(cutoff).changes;
}
