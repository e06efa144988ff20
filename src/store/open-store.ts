/**
 * Opens the app's own SQLite store (WAL, foreign keys, migrations applied) and exposes it as one
 * object; each concept lives in its own module. The only place that opens the database file.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { claimDelivery, completeDelivery, pruneDeliveries, releaseDelivery } from "./deliveries.js";
import { MIGRATIONS } from "./migrations/index.js";
import { Notifications } from "./notifications.js";
import { Outbox } from "./outbox.js";
import { Reporters } from "./reporters.js";
import { DEFAULT_RETENTION, type PurgeCounts, type RetentionPolicy, purgeExpired } from "./retention.js";

export const DEFAULT_DATABASE_PATH = "./data/duet-support.db";

export interface Store {
  readonly path: string;
  /** True the first time a webhook delivery id is seen, false for a redelivery. */
  claimDelivery(id: string, now?: Date): boolean;
  /** Gives a delivery id back after its handling failed. */
  releaseDelivery(id: string): void;
  /** Marks a claimed delivery as handled. */
  completeDelivery(id: string, now?: Date): void;
  /** Forgets deliveries older than 30 days; returns how many. */
  pruneDeliveries(now: Date): number;
  readonly outbox: Outbox;
  readonly reporters: Reporters;
  readonly notifications: Notifications;
  /** Deletes personal data and old records past their retention; see retention.ts. */
  purgeExpired(now: Date, policy?: RetentionPolicy): PurgeCounts;
  appliedMigrations(): number[];
  close(): void;
}

/** Opens (creating if needed) the store at `path`; ":memory:" gives a throwaway store for tests. */
export function openStore(path: string = DEFAULT_DATABASE_PATH): Store {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL"); // WAL + NORMAL survives a process crash; only an OS crash may lose the last commit
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  // Deliveries this process is handling right now: another claim of one of them is a duplicate.
  const heldHere = new Set<string>();
  return {
    path,
    claimDelivery: (id, now = new Date()) => {
      const claimed = claimDelivery(db, id, now, heldHere);
      if (claimed) heldHere.add(id);
      return claimed;
    },
    completeDelivery: (id, now = new Date()) => {
      completeDelivery(db, id, now);
      heldHere.delete(id);
    },
    releaseDelivery: (id) => {
      releaseDelivery(db, id);
      heldHere.delete(id);
    },
    pruneDeliveries: (now) => pruneDeliveries(db, now),
    outbox: new Outbox(db),
    reporters: new Reporters(db),
    notifications: new Notifications(db),
    purgeExpired: (now, policy = DEFAULT_RETENTION) => purgeExpired(db, now, policy),
    appliedMigrations: () =>
      (db.prepare("SELECT version FROM schema_migrations ORDER BY version").all() as { version: number }[]).map((r) => r.version),
    close: () => db.close(),
  };
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const applied = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    // BEGIN IMMEDIATE: two processes opening a fresh file must not both apply the same migration.
    db.transaction(() => {
      const again = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(migration.version);
      if (again) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
