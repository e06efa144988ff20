/**
 * issues.reopened: clocks derive from history, so they resume by themselves; the app only says
 * when the running, unanswered clock is now due (one comment), and stays silent otherwise. The
 * card on the board follows the clock read for the note.
 */
import type { Context } from "probot";
import { currentClock } from "../core/clocks/index.js";
import { LABELS, tierOfLabel } from "../core/config/labels.js";
import { renderReopenNote } from "../core/text/resolution-notice.js";
import { postComment } from "../github/issues.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig } from "../github/repository-files.js";
import { boardTargetOf, syncBoard } from "./board-sync.js";
import { reportConfigProblems } from "./config-problems.js";
import type { Deps } from "./deps.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { isMailedTicket } from "./first-response.js";
import { isAppOwnIssue } from "./guards.js";
import { readTicketClocks } from "./ticket-clocks.js";

type ReopenedContext = Context<"issues.reopened">;

/** A clock can run only on an in-scope ticket with a tier. */
function mayHaveClock(labels: string[]): boolean {
  return labels.some((l) => tierOfLabel(l) !== undefined) && !labels.includes(LABELS.outOfScope);
}

export async function onIssueReopened(context: ReopenedContext, deps: Deps): Promise<void> {
  const { issue } = context.payload;
  const labels = (issue.labels ?? []).flatMap((l) => (l ? [l.name] : []));
  // The reporter's contact data is kept while the ticket is open: stop its after-close retention clock.
  if (isMailedTicket(labels, deps)) deps.mailer!.ticketReopened({ owner: context.repo().owner, repo: context.repo().repo, number: issue.number });
  if (!mayHaveClock(labels) || isAppOwnIssue(issue.body)) return;
  await oncePerDelivery(context, deps.deliveries, async () => {
    await noteResumedClock(context, deps);
  });
}

async function noteResumedClock(context: ReopenedContext, deps: Deps): Promise<void> {
  const octokit = context.octokit as Octokit;
  const config = await readRepoConfig(configLoader(octokit, context.repo()));
  if (!config.ok) return reportConfigProblems(context, context.issue(), config.problems, { isNewIssue: false });
  const read = await readTicketClocks(octokit, context.repo(), config.value, context.payload.issue.number, deps);
  if (!read.ok) {
    if (read.problems.length > 0) await reportConfigProblems(context, context.issue(), read.problems, { isNewIssue: false });
    return;
  }
  const clock = currentClock(read.clocks);
  // Running and unanswered: a breached clock has no new due time, a paused one none yet.
  if (clock?.dueAt && (clock.state === "on track" || clock.state === "warning")) {
    await postComment(
      octokit,
      context.issue(),
      renderReopenNote({
        tier: clock.tier,
        elapsedWorkingMinutes: clock.elapsedWorkingMinutes,
        targetMinutes: clock.targetMinutes,
        dueAt: clock.dueAt,
        timeZone: read.rules.calendarFor(clock.tier).spec.timeZone,
        key: `reopened@${context.payload.issue.updated_at}`,
      }),
    );
  }
  const { labels, appCommentBodies } = read.ticket;
  await syncBoard(boardTargetOf(context), deps, config.value, { labels, state: "open", clock, nodeId: context.payload.issue.node_id, appCommentBodies });
}
