/** The e-mails a reporter receives; like the form's strings, one place to translate. No ticket text is quoted. */
import type { NotificationKind } from "../store/notifications.js";

export interface MailIssue {
  number: number;
  url: string;
}

export function renderReporterMail(kind: NotificationKind, submissionId: string, issue: MailIssue, name: string | null): { subject: string; text: string } {
  const greeting = name ? `Hello ${name},` : "Hello,";
  const what =
    kind === "answered"
      ? `The DUET support desk has answered your request ${submissionId} (ticket #${issue.number}).`
      : `Your request ${submissionId} (ticket #${issue.number}) has been closed by the DUET support desk.`;
  const subject = kind === "answered" ? `Your support request ${submissionId} has an answer` : `Your support request ${submissionId} is closed`;
  return {
    subject,
    text: `${greeting}\n\n${what}\nRead it here: ${issue.url}\n\nThis is an automatic message; replies to it are not read.\n`,
  };
}
