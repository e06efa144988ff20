/**
 * A new issue → TriagePlan: the labels to add and remove, the assignee, one reply. Pure: the
 * handler reads what this needs once and applies the plan in one batched write.
 */
import type { BusinessCalendar } from "../calendar/index.js";
import { LABELS, LABEL_PREFIX, type Tier } from "../config/labels.js";
import type { Config } from "../config/schema.js";
import { targetMinutes } from "../config/model.js";
import { type Candidate, type Route, chooseAssignee, deskTeam, routeRequest } from "../routing/route.js";
import { formatOwner } from "../routing/support-owners.js";
import type { OwnerRule } from "../routing/support-owners.js";
import type { IntakeResult } from "../intake/parse-body.js";
import { supportWindowStatus } from "./support-window.js";
import type { FaqLink, TriageOutcome } from "../text/triage-reply.js";
import { type FaqEntry, rankFaq } from "../faq/index.js";

export interface TriageInput {
  config: Config;
  /** The repository's organisation (or user): teams are `@org/slug`. */
  org: string;
  issue: { number: number; title: string; body: string; createdAt: Date; labels: string[] };
  intake: IntakeResult;
  ownerRules: OwnerRule[];
  /** People who may be assigned, with their load; empty when no owner team could be read. */
  candidates: Candidate[];
  /** Owner teams whose members could not be read (mentioned instead of assigning). */
  unreadableTeams: string[];
  calendarFor(partnerId: string): BusinessCalendar;
  /** The repository's FAQ and the web address of its file, when it has one (suggestions, issue 7). */
  faq?: { entries: FaqEntry[]; fileUrl: string };
}

export interface TriagePlan {
  labelsToAdd: string[];
  labelsToRemove: string[];
  assignees: string[];
  /** What the reply says, as data: `renderTriageReply(plan.outcome)` gives the text. */
  outcome: TriageOutcome;
  /** The running clock's tier and deadline, when one starts. */
  clock?: { tier: Tier; dueAt: Date; partner: string };
}

/** The route a request takes, before team members are read (they depend on the owners). */
export function routeOf(input: Pick<TriageInput, "config" | "ownerRules" | "intake">): Route {
  return routeRequest(input.config, input.ownerRules, input.intake.request);
}

export type TriageKind = TriageOutcome["kind"];

/**
 * What kind of answer a request gets, decided before anything else is read: only a routed request
 * needs SUPPORT_OWNERS and the owner teams, so the others cost no further reads.
 */
export function classifyRequest(config: Config, intake: IntakeResult, now: Date): TriageKind {
  if (supportWindowStatus(config.supportWindow, now, config.partners[config.desk]!.timeZone).kind !== "open") return "window-closed";
  const requestType = intake.request.requestType;
  if (requestType && config.scope.excludedRequestTypes.includes(requestType)) return "out-of-scope";
  if (intake.missing.length > 0 || intake.problems.length > 0) return "needs-info";
  return "routed";
}

export function triage(input: TriageInput, now: Date): TriagePlan {
  const { config, intake, issue } = input;
  const kind = classifyRequest(config, intake, now);
  const route = routeOf(input);
  const classification = classificationLabels(route);
  switch (kind) {
    case "window-closed": {
      const window = supportWindowStatus(config.supportWindow, now, config.partners[config.desk]!.timeZone);
      if (window.kind === "open") throw new Error("classifyRequest and supportWindowStatus disagree");
      return { labelsToAdd: [], labelsToRemove: [], assignees: [], outcome: { kind, window } };
    }
    case "out-of-scope":
      return planWith(issue.labels, [...classification.filter((l) => !l.startsWith(LABEL_PREFIX.tier)), LABELS.outOfScope], [], {
        kind,
        requestType: intake.request.requestType!,
        policy: config.scope.policy,
      });
    case "needs-info":
      // The desk (L1) gathers what is missing; the clock is paused by the status label meanwhile.
      return planWith(issue.labels, [...classificationLabels({ ...route, tier: "L1" }), LABELS.needsInfo], [], {
        kind,
        missing: intake.missing,
        problems: intake.problems,
        faqSuggestions: faqSuggestions(input),
      });
    case "routed":
      return routedPlan(input, route, classification);
  }
}

function routedPlan(input: TriageInput, route: Route, classification: string[]): TriagePlan {
  const { config, issue } = input;
  const calendar = input.calendarFor(route.responsiblePartner);
  const dueAt = calendar.addWorkingMinutes(issue.createdAt, targetMinutes(config, route.tier));
  const assignee = chooseAssignee(input.candidates);
  const owners = route.owners.map(formatOwner);
  const mentions = [
    ...(assignee ? [] : owners),
    ...(route.tier === "L3" ? [formatOwner(deskTeam(config, input.org))].filter((h) => !owners.includes(h)) : []),
  ];
  const plan = planWith(issue.labels, classification, assignee ? [assignee] : [], {
    kind: "routed",
    tier: route.tier,
    tierName: config.tiers[route.tier].name,
    impact: route.impact!,
    component: route.component!,
    partners: route.partners.map((id) => ({ id, name: config.partners[id]!.name })),
    responsible: { id: route.responsiblePartner, name: config.partners[route.responsiblePartner]!.name, isDesk: config.tiers[route.tier].team === "desk" },
    dueAt,
    timeZone: calendar.spec.timeZone,
    targetHours: config.tiers[route.tier].targetHours,
    hoursPerDay: config.workingHours.hoursPerDay,
    workingDay: `${config.workingHours.start}–${config.workingHours.end}`,
    ...(assignee && { assignee }),
    mentions,
    owners,
    unreadableTeams: input.unreadableTeams,
    impactDescription: config.impacts[route.impact!].description,
    faqSuggestions: faqSuggestions(input),
  });
  return { ...plan, clock: { tier: route.tier, dueAt, partner: route.responsiblePartner } };
}

/** The FAQ entries most likely to help, linked to their headings (the L1 desk's FAQ, seed §3). */
function faqSuggestions(input: TriageInput): FaqLink[] {
  if (!input.faq) return [];
  const { fileUrl, entries } = input.faq;
  return rankFaq(entries, { title: input.issue.title, body: input.issue.body }, { max: input.config.faq.maxSuggestions }).map(({ entry }) => ({
    question: entry.question,
    url: `${fileUrl}#${entry.anchor}`,
  }));
}

function classificationLabels(route: Route): string[] {
  return [
    LABELS.tier(route.tier),
    ...(route.impact ? [LABELS.impact(route.impact)] : []),
    ...(route.component ? [LABELS.component(route.component.id)] : []),
    ...route.partners.map(LABELS.partner),
  ];
}

/** A plan is a diff: classification labels replace any other value of their kind already on the issue. */
function planWith(current: string[], wanted: string[], assignees: string[], outcome: TriageOutcome): TriagePlan {
  const kinds = Object.values(LABEL_PREFIX).filter((prefix) => wanted.some((label) => label.startsWith(prefix)));
  return {
    labelsToAdd: wanted.filter((label) => !current.includes(label)),
    labelsToRemove: current.filter((label) => kinds.some((prefix) => label.startsWith(prefix)) && !wanted.includes(label)),
    assignees,
    outcome,
  };
}

/**
 * The outcome once GitHub has answered the update: GitHub silently drops assignees without write
 * access, so the reply names who really is assigned and asks the owners to pick up the rest.
 */
export function withAppliedAssignees(outcome: TriageOutcome, assigned: string[]): TriageOutcome {
  if (outcome.kind !== "routed" || !outcome.assignee || assigned.includes(outcome.assignee)) return outcome;
  const { assignee, ...rest } = outcome;
  return { ...rest, droppedAssignee: assignee };
}
