/** The first schema: webhook deliveries, the web-form outbox, reporters and sent notifications. */
export const MIGRATION_001 = {
  version: 1,
  name: "initial",
  sql: `
    CREATE TABLE deliveries (
      id TEXT PRIMARY KEY,
      received_at INTEGER NOT NULL
    );
    CREATE INDEX deliveries_received_at ON deliveries (received_at);

    CREATE TABLE submissions (
      id TEXT PRIMARY KEY,
      idempotency_key TEXT NOT NULL UNIQUE,
      content_hash TEXT NOT NULL,
      owner TEXT NOT NULL,
      repo TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'created', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      lease_until INTEGER,
      may_exist_since INTEGER,
      issue_number INTEGER,
      issue_url TEXT,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX submissions_due ON submissions (status, next_attempt_at);
    CREATE INDEX submissions_issue ON submissions (owner, repo, issue_number);

    CREATE TABLE reporters (
      submission_id TEXT PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
      name TEXT,
      email TEXT,
      submitted_at INTEGER NOT NULL,
      closed_at INTEGER
    );

    CREATE TABLE notifications (
      submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      sent_at INTEGER NOT NULL,
      PRIMARY KEY (submission_id, kind)
    );
  `,
} as const;
