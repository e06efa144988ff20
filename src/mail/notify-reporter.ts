/**
 * E-mails the reporters of a web-form ticket when the desk first answers and when it is closed,
 * each kind at most once (claimed in the store before sending). Closing also starts the retention
 * clock of their contact data. Never logs an address.
 */
import nodemailer from "nodemailer";
import type { Store } from "../store/open-store.js";
import type { NotificationKind } from "../store/notifications.js";
import type { IssueRef } from "../store/reporters.js";
import { renderReporterMail } from "./mail-text.js";

/** What nodemailer's transport offers that we use; tests may pass their own. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface ReporterMailerOptions {
  store: Pick<Store, "reporters" | "notifications">;
  transport: MailTransport;
  /** `SMTP_FROM`. */
  from: string;
  now: () => Date;
  log?: { info(data: object, msg: string): void; warn(data: object, msg: string): void };
}

export interface TicketRef extends IssueRef {
  url: string;
  /** When the ticket closed (for "closed"); defaults to now. */
  closedAt?: Date;
}

export interface ReporterMailer {
  /** Sends `kind` to every reporter of the ticket not yet told; resolves to the number sent. */
  notifyReporter(kind: NotificationKind, issue: TicketRef): Promise<number>;
  /** A reopened ticket: stop its after-close retention clock. */
  ticketReopened(issue: IssueRef): void;
}

/** A transport from `SMTP_URL` (e.g. smtp://user:pass@host:587), or undefined when it is not set. */
export function createSmtpTransport(smtpUrl: string | undefined): MailTransport | undefined {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
}

export function createReporterMailer(options: ReporterMailerOptions): ReporterMailer {
  const { store, transport, from, now, log } = options;
  return {
    async notifyReporter(kind, issue) {
      if (kind === "closed") store.reporters.markIssueClosed(issue, issue.closedAt ?? now());
      let sent = 0;
      for (const reporter of store.reporters.forIssue(issue)) {
        if (!reporter.email) continue;
        if (!store.notifications.claim(reporter.submissionId, kind, now())) continue;
        const mail = renderReporterMail(kind, reporter.submissionId, issue, reporter.name);
        try {
          await transport.sendMail({ from, to: reporter.email, ...mail });
          sent++;
          log?.info({ submission: reporter.submissionId, kind, issue: issue.number }, "reporter e-mailed");
        } catch (error) {
          store.notifications.release(reporter.submissionId, kind);
          // SMTP errors often quote the recipient: keep addresses out of logs and of what we throw.
          const message = redactAddresses(error instanceof Error ? error.message : String(error));
          log?.warn({ submission: reporter.submissionId, kind, err: message }, "reporter e-mail failed");
          throw new Error(`e-mail to the reporter of ${reporter.submissionId} failed: ${message}`);
        }
      }
      return sent;
    },
    ticketReopened(issue) {
      store.reporters.markIssueClosed(issue, null);
    },
  };
}

function redactAddresses(text: string): string {
  return text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, "<address>");
}
