/**
 * Which e-mails went to which submission's reporter, so each kind is sent once. A send claims its
 * row first and releases it on failure: a crash mid-send loses that e-mail rather than repeating it.
 */
import type Database from "better-sqlite3";

export type NotificationKind = "answered" | "closed";

export class Notifications {
  constructor(private readonly db: Database.Database) {}

  /** True when this caller may send the e-mail (no one has sent or is sending it). */
  claim(submissionId: string, kind: NotificationKind, now: Date): boolean {
    const result = this.db
      .prepare("INSERT OR IGNORE INTO notifications (submission_id, kind, sent_at) VALUES (?, ?, ?)")
      .run(submissionId, kind, now.getTime());
    return result.changes === 1;
  }

  /** Gives a claim back after a failed send, so the next event may try again. */
  release(submissionId: string, kind: NotificationKind): void {
    this.db.prepare("DELETE FROM notifications WHERE submission_id = ? AND kind = ?").run(submissionId, kind);
  }

  wasSent(submissionId: string, kind: NotificationKind): boolean {
    return this.db.prepare("SELECT 1 FROM notifications WHERE submission_id = ? AND kind = ?").get(submissionId, kind) !== undefined;
  }
}
