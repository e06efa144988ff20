/**
 * A plain comment that answers a ticket: when a person of the responsible side comments on a ticket
 * carrying `sla: warning`, the warning goes (one update), and a web-form reporter is e-mailed.
 * Other comments cost no reads at all.
 */
import type { Context } from "probot";
import type { TicketState } from "../core/commands/index.js";
import { LABELS } from "../core/config/labels.js";
import { findComponent, responsiblePartners } from "../core/config/model.js";
import type { Config } from "../core/config/index.js";
import { nextLabels, updateIssue } from "../github/issues.js";
import type { IssueRef, Octokit } from "../github/octokit.js";
import type { Deps } from "./deps.js";
import { type Person, identify, isResponder, responsibleTeams } from "./authorise.js";
import { answeredClock, boardTargetOf, syncBoard } from "./board-sync.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * Worth a look only when something would follow: a warning to lift, a web-form reporter to e-mail,
 * or a card on the board to mark answered.
 */
export function mayAnswerTicket(labels: string[], isReporter: boolean, deps: Pick<Deps, "mailer">, isOnBoard = false): boolean {
  if (isReporter) return false;
  return labels.includes(LABELS.slaWarning) || isMailedTicket(labels, deps) || isOnBoard;
}

/** Web-form reporters have no GitHub account: the app e-mails them (when SMTP is configured). */
export function isMailedTicket(labels: string[], deps: Pick<Deps, "mailer">): boolean {
  return deps.mailer !== undefined && labels.includes(LABELS.webForm);
}

/** The partners answering the ticket's tier now (none when it has no tier). */
export function responsibleFor(config: Config, ticket: TicketState): string[] {
  if (!ticket.tier) return [];
  return responsiblePartners(config, ticket.tier, ticket.component ? findComponent(config, ticket.component) : undefined);
}

export async function noteResponse(context: CommentContext, deps: Deps, config: Config, ticket: TicketState): Promise<void> {
  const responsible = responsibleFor(config, ticket);
  if (responsible.length === 0) return;
  const octokit = context.octokit as Octokit;
  const person = await identify(octokit, context.repo(), context.payload.comment.user!.login, responsibleTeams(config, responsible));
  if (!isResponder(person, responsible)) return;
  if (ticket.labels.includes(LABELS.slaWarning)) {
    await updateIssue(octokit, context.issue(), { labels: nextLabels(ticket.labels, [], [LABELS.slaWarning]) });
  }
  await announceResponse(context, deps, ticket.labels);
  await syncBoard(boardTargetOf(context), deps, config, { labels: ticket.labels, state: ticket.state, clock: answeredClock(ticket.tier!), nodeId: context.payload.issue.node_id });
}

/** Whether this person's comment answers the ticket: the responsible side, never the reporter. */
export function answersTicket(person: Person, responsible: string[], isReporter: boolean): boolean {
  return !isReporter && responsible.length > 0 && isResponder(person, responsible);
}

/**
 * Tells a web-form reporter the desk has answered (the mailer sends it once). The app's writes are
 * done by now: a failed e-mail is logged, and must not make a redelivery redo them.
 */
export async function announceResponse(context: CommentContext, deps: Deps, labels: string[]): Promise<void> {
  if (!deps.mailer || !isMailedTicket(labels, deps)) return;
  const ref: IssueRef = context.issue();
  try {
    await deps.mailer.notifyReporter("answered", { owner: ref.owner, repo: ref.repo, number: ref.issue_number, url: context.payload.issue.html_url });
  } catch (error) {
    context.log.error({ issue: ref.issue_number, err: (error as Error).message }, "e-mail to the web-form reporter failed");
  }
}
