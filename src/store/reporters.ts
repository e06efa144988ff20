/**
 * Reporters' names and e-mail addresses, kept only here (never on GitHub) and only for the
 * retention period; looked up by the issue their submission became.
 */
import type Database from "better-sqlite3";

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export interface Reporter {
  submissionId: string;
  name: string | null;
  email: string | null;
}

export class Reporters {
  constructor(private readonly db: Database.Database) {}

  /** The reporters whose submissions became this issue (usually one). */
  forIssue(issue: IssueRef): Reporter[] {
    return (
      this.db
        .prepare(
          `SELECT r.submission_id AS submissionId, r.name, r.email FROM reporters r
           JOIN submissions s ON s.id = r.submission_id
           WHERE s.owner = ? AND s.repo = ? AND s.issue_number = ? AND s.status = 'created'
           ORDER BY r.submitted_at`,
        )
        .all(issue.owner, issue.repo, issue.number) as Reporter[]
    );
  }

  forSubmission(submissionId: string): Reporter | undefined {
    return this.db
      .prepare("SELECT submission_id AS submissionId, name, email FROM reporters WHERE submission_id = ?")
      .get(submissionId) as Reporter | undefined;
  }

  /** Starts (or, with null, stops) the after-close retention clock of the issue's reporters. */
  markIssueClosed(issue: IssueRef, closedAt: Date | null): number {
    return this.db
      .prepare(
        `UPDATE reporters SET closed_at = ? WHERE submission_id IN
           (SELECT id FROM submissions WHERE owner = ? AND repo = ? AND issue_number = ?)`,
      )
      .run(closedAt ? closedAt.getTime() : null, issue.owner, issue.repo, issue.number).changes;
  }

  count(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM reporters").get() as { n: number }).n;
  }
}
