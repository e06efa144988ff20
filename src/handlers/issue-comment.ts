/**
 * issue_comment.created: the comment commands (issue 5). Guards, reads once, the core decides
 * (`decideComment`), then at most three writes: missing labels, one issue update, one reply;
 * with a board configured, the card follows (docs/board.md). Edited comments never run commands:
 * only `created` is subscribed. The reporter's plain reply ends a pause for them (reporter-reply.ts).
 */
import type { Context } from "probot";
import { type CommentDecision, type ParsedCommand, type TicketState, decideComment, isCommandName, parseCommands, ticketStateFromLabels } from "../core/commands/index.js";
import type { Config } from "../core/config/index.js";
import { LABELS, type Tier } from "../core/config/labels.js";
import { findComponent, responsiblePartners, targetMinutes } from "../core/config/model.js";
import { type Deadline, type FaqResult, renderCommandReply, renderRefusal } from "../core/text/command-replies.js";
import { hasMarker } from "../core/text/markers.js";
import { nextLabels, postComment, updateIssue } from "../github/issues.js";
import { ensureLabels } from "../github/labels.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig } from "../github/repository-files.js";
import { type Person, commandTeams, identify, isAuthorised, partnersOf } from "./authorise.js";
import { type BoardChange, answeredClock, boardTargetOf, enteredClock, isOnKnownBoard, syncBoard } from "./board-sync.js";
import { reportConfigProblems } from "./config-problems.js";
import type { Deps } from "./deps.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { announceResponse, answersTicket, mayAnswerTicket, noteResponse, responsibleFor } from "./first-response.js";
import { isAppCommentByProxy, isAppOwnIssue, isBot } from "./guards.js";
import { proposeFaq } from "./propose-faq.js";
import { isReporterReply, resumeForReporter } from "./reporter-reply.js";
import { needsReroute, reroute, withAppliedAssignees } from "./reroute.js";

type CommentContext = Context<"issue_comment.created">;

export async function onIssueComment(context: CommentContext, deps: Deps): Promise<void> {
  const { comment, issue, sender } = context.payload;
  if (isBot(sender) || isBot(comment.user) || isAppCommentByProxy(comment) || issue.pull_request || isAppOwnIssue(issue.body)) return;
  const labels = (issue.labels ?? []).map((l) => l.name);
  const isReporter = comment.user!.login.toLowerCase() === issue.user.login.toLowerCase();
  const parsed = parseCommands(comment.body);
  // A reporter's "/tmp is full" is a sentence, not an unknown command: only known commands count for them.
  const hasCommands = isReporter ? parsed.some((command) => isCommandName(command.name)) : parsed.some(isCommandLine);
  const state = issue.state === "closed" ? "closed" : "open";
  const resumes = isReporterReply(labels, { isReporter, hasCommands, state });
  if (!hasCommands && !resumes && !mayAnswerTicket(labels, isReporter, deps, state === "open" && isOnKnownBoard(deps, context.repo(), labels))) return;
  await oncePerDelivery(context, deps.deliveries, async () => {
    if (resumes) return await resumeForReporter(context, deps, labels);
    const config = await readRepoConfig(configLoader(context.octokit as Octokit, context.repo()));
    if (!config.ok) return await reportConfigProblems(context, context.issue(), config.problems, { isNewIssue: false });
    deps.knownBoards.note(context.repo(), config.value);
    const ticket = ticketStateFromLabels({ number: issue.number, labels, state, author: issue.user.login });
    if (hasCommands) await runCommands(context, deps, config.value, ticket, isReporter);
    else await noteResponse(context, deps, config.value, ticket);
  });
}

/** Known commands in any case; unknown `/words` only in lower case (the registry answers those with help). */
function isCommandLine(command: ParsedCommand): boolean {
  return isCommandName(command.name) || command.line.startsWith(`/${command.name}`);
}

async function runCommands(context: CommentContext, deps: Deps, config: Config, before: TicketState, isReporter: boolean): Promise<void> {
  const { comment, issue, repository } = context.payload;
  const octokit = context.octokit as Octokit;
  const repo = context.repo();
  const ref = context.issue();
  const login = comment.user!.login;
  const responsible = responsibleFor(config, before);

  const person = await identify(octokit, repo, login, commandTeams(config, responsible));
  if (!isAuthorised(person)) return refuseOnce(context, login);

  const now = deps.now();
  const decide = (actorPartners: string[]) =>
    decideComment({ config, ticket: before, actor: login, actorPartners, commentId: comment.id, commentBody: comment.body ?? "", now });
  let decision = decide(person.team?.partner ? [person.team.partner] : []);
  const effortOwners = ownersToAsk(decision, config, person);
  if (effortOwners.length > 0) decision = decide(await partnersOf(octokit, repo.owner, login, config, effortOwners));

  const isResponse = answersTicket(person, responsible, isReporter);
  const liftsWarning = isResponse && before.labels.includes(LABELS.slaWarning);
  const currentAssignees = (issue.assignees ?? []).flatMap((a) => (a ? [a.login] : []));
  const routed = needsReroute(before, decision.ticket) ? await reroute(octokit, repo, config, before, decision.ticket, currentAssignees) : undefined;
  const faqChange = decision.changes.find((c) => c.kind === "propose-faq");
  const faq: FaqResult | undefined = faqChange ? await proposeFaq(context, config, faqChange.answer) : undefined;

  const add = decision.labels.add;
  const remove = [...decision.labels.remove, ...(liftsWarning ? [LABELS.slaWarning] : [])];
  await ensureLabels(octokit, { ...repo, nodeId: repository.node_id }, add, deps.labels);
  const applied =
    add.length + remove.length > 0 || routed?.assignees
      ? await updateIssue(octokit, ref, { labels: nextLabels(before.labels, add, remove), ...(routed?.assignees && { assignees: routed.assignees }) })
      : { labels: before.labels, assignees: currentAssignees };

  const deadlines = deadlinesOf(decision, config, deps, now);
  const reply = renderCommandReply(decision.outcomes, {
    config,
    deadlines,
    ...(faq && { faq }),
    ...(routed && { routing: withAppliedAssignees(routed, applied.assignees) }),
    key: `comment-${comment.id}`,
  });
  await postComment(octokit, ref, reply);
  context.log.info({ issue: issue.number, commands: decision.outcomes.map((o) => ({ command: o.command.split(/\s/)[0], ok: o.ok })) }, "commands handled");
  if (isResponse) await announceResponse(context, deps, before.labels);
  if (add.length + remove.length > 0 || isResponse) {
    await syncBoard(boardTargetOf(context), deps, config, boardChangeOf(before, decision, applied.labels, deadlines, isResponse, issue.node_id));
  }
}

/**
 * The card after the commands, from what the handler knows: a tier entered now starts a clock whose
 * deadline the reply gives, a response answers the clock; anything else reads the ticket's history.
 */
function boardChangeOf(before: TicketState, decision: CommentDecision, labels: string[], deadlines: Partial<Record<Tier, Deadline>>, isResponse: boolean, nodeId: string): BoardChange {
  const tier = decision.ticket.tier;
  const entered = tier && tier !== before.tier ? deadlines[tier] : undefined;
  // The comment came before its labels: a response counts for the tier it was written in, not the one entered.
  if (tier && entered) return { labels, state: before.state, clock: enteredClock(tier, labels, entered.dueAt), nodeId };
  if (tier && isResponse) return { labels, state: before.state, clock: answeredClock(tier), nodeId };
  return { clockFromHistory: true, state: before.state, nodeId };
}

/**
 * Effort on a ticket with several owners is booked to the owner the person belongs to; write
 * access settled authorisation without reading teams, so ask those owners' teams (only then).
 */
function ownersToAsk(decision: CommentDecision, config: Config, person: Person): string[] {
  if (person.team) return [];
  const owners = new Set<string>();
  for (const change of decision.changes) {
    if (change.kind !== "log-effort") continue;
    const partners = responsiblePartners(config, change.tier, decision.ticket.component ? findComponent(config, decision.ticket.component) : undefined);
    if (partners.length > 1) partners.forEach((p) => owners.add(p));
  }
  return [...owners];
}

/** The new clock of each tier a command moved the ticket to: due after the tier's target, on its team's calendar. */
function deadlinesOf(decision: CommentDecision, config: Config, deps: Deps, now: Date): Partial<Record<Tier, Deadline>> {
  const component = decision.ticket.component ? findComponent(config, decision.ticket.component) : undefined;
  const deadlines: Partial<Record<Tier, Deadline>> = {};
  for (const change of decision.changes) {
    const tier = change.kind === "escalate" ? "L3" : change.kind === "set-tier" ? change.tier : undefined;
    if (!tier) continue;
    const partner = responsiblePartners(config, tier, component)[0]!;
    const calendar = deps.calendars.forPartner(config, partner);
    deadlines[tier] = { dueAt: calendar.addWorkingMinutes(now, targetMinutes(config, tier)), timeZone: calendar.spec.timeZone, partner };
  }
  return deadlines;
}

/** One polite refusal per issue and person; the comments are read only on this path. */
async function refuseOnce(context: CommentContext, login: string): Promise<void> {
  const octokit = context.octokit as Octokit;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...context.issue(), per_page: 100 });
  if (comments.some((c) => isBot(c.user) && hasMarker(c.body, "refusal", login.toLowerCase()))) return;
  await postComment(octokit, context.issue(), renderRefusal(login));
  context.log.info({ issue: context.payload.issue.number }, "commands refused: no write access or support team");
}
