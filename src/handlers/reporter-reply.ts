/**
 * The reporter answers a ticket waiting for them (`status: needs-info`): the pause ends and the
 * clock runs again, as Jira's "waiting for customer" → "waiting for support". One read of the ticket
 * (is it an incomplete request?), one label removed, no reply;
 * `status: external` waits on someone else and stays. The card follows when a board is known.
 */
import type { Context } from "probot";
import { LABELS } from "../core/config/labels.js";
import { isAwaitingCompletion } from "../core/triage/awaiting-reporter.js";
import { removeLabel } from "../github/issues.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig } from "../github/repository-files.js";
import { readSupportTicket } from "../github/support-ticket.js";
import { boardTargetOf, isOnKnownBoard, syncBoard } from "./board-sync.js";
import type { Deps } from "./deps.js";

type CommentContext = Context<"issue_comment.created">;

/** A plain comment (no command) by the issue's author on an open ticket waiting for them. */
export function isReporterReply(labels: readonly string[], o: { isReporter: boolean; hasCommands: boolean; state: "open" | "closed" }): boolean {
  return o.isReporter && !o.hasCommands && o.state === "open" && labels.includes(LABELS.needsInfo);
}

export async function resumeForReporter(context: CommentContext, deps: Deps, labels: string[]): Promise<void> {
  const octokit = context.octokit as Octokit;
  const number = context.payload.issue.number;
  // A request triage found incomplete waits for its form to be completed (issues-edited.ts re-triages
  // it then); a reply alone leaves it for the desk, who can /resume once they have what they need.
  const ticket = await readSupportTicket(octokit, context.repo(), number);
  if (ticket && isAwaitingCompletion(ticket.appCommentBodies)) {
    context.log.info({ issue: number }, "the reporter replied to an incomplete request; it waits for the form or the desk");
    return;
  }
  await removeLabel(octokit, context.issue(), LABELS.needsInfo);
  context.log.info({ issue: number }, "the reporter replied; the pause for the reporter ends");
  const after = labels.filter((label) => label !== LABELS.needsInfo);
  // A plain comment reads no configuration unless this repository is known to mirror to a board.
  if (!isOnKnownBoard(deps, context.repo(), after)) return;
  const config = await readRepoConfig(configLoader(octokit, context.repo()));
  if (!config.ok) {
    context.log.warn({ problems: config.problems }, "invalid duet-support configuration; the board card is left as it is");
    return;
  }
  await syncBoard(boardTargetOf(context), deps, config.value, { clockFromHistory: true, state: "open", nodeId: context.payload.issue.node_id });
}
