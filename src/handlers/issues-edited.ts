/**
 * issues.edited: a request triage sent back for missing information (`status: needs-info`) is triaged
 * again when its body changes. Complete now: routed as a new issue would be, the pause lifted and the
 * deadline counted from now. Still incomplete: the updated list, once per distinct list. Any other
 * edit costs no request at all.
 */
import type { Context } from "probot";
import type { SlaClock } from "../core/clocks/index.js";
import { LABELS } from "../core/config/labels.js";
import { type SweepContext, clockRulesFor } from "../core/reminders/reminders.js";
import { hasAskedFor, isAwaitingCompletion, needsInfoKey } from "../core/triage/awaiting-reporter.js";
import { clockAfterPlan, withResumedClock } from "../core/triage/resumed-clock.js";
import type { TriagePlan } from "../core/triage/triage.js";
import { nextLabels } from "../github/issues.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig } from "../github/repository-files.js";
import { readSupportTicket } from "../github/support-ticket.js";
import type { TicketSnapshot } from "../github/support-tickets.js";
import { reportConfigProblems } from "./config-problems.js";
import type { Deps } from "./deps.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { isAppOwnIssue, isBot } from "./guards.js";
import { type TriageSubject, applyTriage, planTriage } from "./triage-issue.js";

type EditedContext = Context<"issues.edited">;

/** Only a changed body of an open ticket waiting for its reporter can complete a request. */
function mayCompleteRequest(payload: EditedContext["payload"]): boolean {
  const labels = (payload.issue.labels ?? []).map((l) => l.name);
  return payload.changes.body !== undefined && payload.issue.state === "open" && labels.includes(LABELS.needsInfo);
}

export async function onIssueEdited(context: EditedContext, deps: Deps): Promise<void> {
  const { issue, sender } = context.payload;
  if (!mayCompleteRequest(context.payload) || isBot(sender) || isAppOwnIssue(issue.body)) return;
  await oncePerDelivery(context, deps.deliveries, async () => {
    await triageAgain(context, deps);
  });
}

async function triageAgain(context: EditedContext, deps: Deps): Promise<void> {
  const { issue } = context.payload;
  const octokit = context.octokit as Octokit;
  const repo = context.repo();
  const ref = context.issue();
  // One query: the app's comments (was the pause triage's?) and the history the resumed clock replays.
  const ticket = await readSupportTicket(octokit, repo, issue.number);
  if (!ticket || ticket.state !== "open" || !ticket.labels.includes(LABELS.needsInfo) || !isAwaitingCompletion(ticket.appCommentBodies)) return;
  const config = await readRepoConfig(configLoader(octokit, repo));
  if (!config.ok) return reportConfigProblems(context, ref, config.problems, { isNewIssue: false });

  const subject: TriageSubject = {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    createdAt: new Date(issue.created_at),
    labels: ticket.labels,
    nodeId: issue.node_id,
  };
  // Judged as filed: SPEC §2 keeps working tickets opened inside the support window. The FAQ was
  // suggested with the first list; a routed request gets suggestions for what it now says.
  const planned = await planTriage(context, deps, config.value, subject, subject.createdAt, (kind) => kind === "routed");
  if (!planned.ok) return reportConfigProblems(context, ref, planned.problems, { isNewIssue: false });
  const { plan } = planned.value;

  switch (plan.outcome.kind) {
    case "window-closed":
      return;
    case "needs-info": {
      const isAsked = hasAskedFor(ticket.appCommentBodies, needsInfoKey(plan.outcome.missing, plan.outcome.problems));
      const changesLabels = plan.labelsToAdd.length + plan.labelsToRemove.length > 0;
      if (isAsked && !changesLabels) return;
      return applyTriage(context, deps, config.value, subject, plan, { reply: isAsked ? "none" : "update", isNewIssue: false });
    }
    case "out-of-scope":
      return applyTriage(context, deps, config.value, subject, { ...plan, labelsToRemove: [...plan.labelsToRemove, LABELS.needsInfo] }, { reply: "first", isNewIssue: false });
    case "routed": {
      const completed = { ...plan, labelsToRemove: [...plan.labelsToRemove, LABELS.needsInfo] };
      const clock = resumedClock(ticket, completed, { config: config.value, org: repo.owner, ownerRules: planned.value.ownerRules }, deps);
      return applyTriage(context, deps, config.value, subject, withResumedClock(completed, clock), { reply: "first", isNewIssue: false, ...(clock && { clock }) });
    }
  }
}

/** The ticket's clock once the plan is applied now, on the same rules as the sweep (responders by write access). */
function resumedClock(ticket: TicketSnapshot, plan: TriagePlan, routing: Pick<SweepContext, "config" | "org" | "ownerRules">, deps: Deps): SlaClock | undefined {
  const labels = nextLabels(ticket.labels, plan.labelsToAdd, plan.labelsToRemove);
  const { config } = routing;
  const rules = clockRulesFor({ labels }, { ...routing, teamMembers: new Map(), calendarFor: (partner) => deps.calendars.forPartner(config, partner) });
  return clockAfterPlan(ticket.history, plan, rules, deps.now());
}
