/**
 * The deadline of a request routed only once its reporter completed it. Triage counts a new issue's
 * clock from its creation; after a pause that is wrong, so the clock here is the ticket's own history
 * replayed with the plan's label changes applied at `now`: due at now + what is left of the target.
 */
import { type Actor, type ClockRules, type SlaClock, type TicketEvent, type TicketHistory, currentClock, deriveClocks } from "../clocks/index.js";
import type { TriagePlan } from "./triage.js";

const APP: Actor = { login: "duet-support[bot]", isBot: true, hasWriteAccess: true };

/** The ticket's current clock as it stands once `plan` is applied at `now`. */
export function clockAfterPlan(history: TicketHistory, plan: Pick<TriagePlan, "labelsToAdd" | "labelsToRemove">, rules: ClockRules, now: Date): SlaClock | undefined {
  // Removals first: a tier replaced by another ends its clock, and the pause lifts before anything runs.
  const applied: TicketEvent[] = [
    ...plan.labelsToRemove.map((label): TicketEvent => ({ kind: "unlabeled", label, at: now, actor: APP })),
    ...plan.labelsToAdd.map((label): TicketEvent => ({ kind: "labeled", label, at: now, actor: APP })),
  ];
  const events = [...history.events.filter((e) => e.at <= now), ...applied];
  return currentClock(deriveClocks({ ...history, events }, rules, now));
}

/** The plan with the reply's deadline taken from the resumed clock (none when it is answered or still paused). */
export function withResumedClock(plan: TriagePlan, clock: SlaClock | undefined): TriagePlan {
  const { outcome, clock: planned, ...rest } = plan;
  if (outcome.kind !== "routed") return plan;
  const { dueAt: _fromCreation, ...said } = outcome;
  const dueAt = clock?.dueAt; // an answered or paused clock has none
  return {
    ...rest,
    outcome: { ...said, ...(dueAt && { dueAt }), ...(clock?.state === "answered" && { isAnswered: true }) },
    ...(planned && dueAt && { clock: { ...planned, dueAt } }),
  };
}
