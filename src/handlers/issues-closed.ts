/**
 * issues.closed: an L3 ticket closed as completed informs ATC and DV (seed D5.3; config
 * `notifyOnResolution`) with time in each tier, each clock met or missed, and the effort logged.
 * Any other close posts nothing. One GraphQL read of the history, one comment. Web-form
 * reporters are e-mailed on every close; a ticket's card on the board reads "closed".
 */
import type { Context } from "probot";
import type { Config } from "../core/config/index.js";
import { LABELS } from "../core/config/labels.js";
import { summariseResolution } from "../core/resolution/index.js";
import { hasMarker } from "../core/text/markers.js";
import { renderResolutionNotice } from "../core/text/resolution-notice.js";
import { postComment } from "../github/issues.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig } from "../github/repository-files.js";
import { boardTargetOf, isOnKnownBoard, syncBoard } from "./board-sync.js";
import { reportConfigProblems } from "./config-problems.js";
import type { Deps } from "./deps.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { isMailedTicket } from "./first-response.js";
import { isAppOwnIssue } from "./guards.js";
import { readTicketClocks } from "./ticket-clocks.js";

type ClosedContext = Context<"issues.closed">;

/** Only a solved L3 ticket is reported: "not planned" and lower tiers close silently. */
export function isSolvedL3(issue: { state_reason?: string | null; labels?: { name: string }[] }): boolean {
  return issue.state_reason === "completed" && (issue.labels ?? []).some((l) => l.name === LABELS.tier("L3"));
}

export async function onIssueClosed(context: ClosedContext, deps: Deps): Promise<void> {
  const { issue } = context.payload;
  const labels = (issue.labels ?? []).flatMap((l) => (l ? [l.name] : []));
  const isMailed = isMailedTicket(labels, deps);
  const isOnBoard = isOnKnownBoard(deps, context.repo(), labels);
  if ((!isSolvedL3(issue) && !isMailed && !isOnBoard) || isAppOwnIssue(issue.body)) return;
  await oncePerDelivery(context, deps.deliveries, async () => {
    if (isSolvedL3(issue) || isOnBoard) {
      const octokit = context.octokit as Octokit;
      const config = await readRepoConfig(configLoader(octokit, context.repo()));
      if (!config.ok) await reportConfigProblems(context, context.issue(), config.problems, { isNewIssue: false });
      else {
        const appCommentBodies = isSolvedL3(issue) ? await notifyResolution(context, deps, config.value) : undefined;
        // A closed ticket's card reads "closed" whatever its clock says: no history is needed.
        await syncBoard(boardTargetOf(context), deps, config.value, { labels, state: "closed", clock: undefined, nodeId: issue.node_id, ...(appCommentBodies && { appCommentBodies }) });
      }
    }
  });
  if (isMailed) await mailReporter(context, deps);
}

/** Web-form reporters hear of the close by e-mail; a failed e-mail is logged, the notice stands. */
async function mailReporter(context: ClosedContext, deps: Deps): Promise<void> {
  const { issue } = context.payload;
  const ref = context.issue();
  try {
    await deps.mailer!.notifyReporter("closed", {
      owner: ref.owner,
      repo: ref.repo,
      number: ref.issue_number,
      url: issue.html_url,
      ...(issue.closed_at && { closedAt: new Date(issue.closed_at) }),
    });
  } catch (error) {
    context.log.error({ issue: issue.number, err: (error as Error).message }, "e-mail to the web-form reporter failed");
  }
}

/** Posts the notice once; answers the app's comments it read, for the board's error marker. */
async function notifyResolution(context: ClosedContext, deps: Deps, config: Config): Promise<string[] | undefined> {
  const { issue } = context.payload;
  const octokit = context.octokit as Octokit;
  const repo = context.repo();
  const read = await readTicketClocks(octokit, repo, config, issue.number, deps);
  if (!read.ok) {
    if (read.problems.length > 0) await reportConfigProblems(context, context.issue(), read.problems, { isNewIssue: false });
    return undefined;
  }
  const closedAt = read.ticket.closedAt ?? new Date(issue.closed_at ?? deps.now());
  const key = closedAt.toISOString();
  // The same close is reported once, whoever (or whichever delivery) gets here first.
  if (read.ticket.appCommentBodies.some((body) => hasMarker(body, "resolution", key))) return read.ticket.appCommentBodies;
  const summary = summariseResolution({ clocks: read.clocks, closedAt, calendarFor: read.rules.calendarFor, appCommentBodies: read.ticket.appCommentBodies });
  const mentions = config.notifyOnResolution.map((partner) => `@${repo.owner}/${config.partners[partner]!.team}`);
  await postComment(octokit, context.issue(), renderResolutionNotice({ summary, mentions, key }));
  context.log.info({ issue: issue.number, effortMinutes: summary.totalEffortMinutes }, "resolution notice posted");
  return read.ticket.appCommentBodies;
}
