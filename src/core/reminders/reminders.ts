/**
 * Sweep decisions for one ticket: its clocks at `now`, and the reminder now due (a warning at 75 %,
 * a breach notice at 100 %), each at most once per clock and kind thanks to hidden markers.
 */
import type { BusinessCalendar } from "../calendar/index.js";
import { type Actor, type ClockRules, currentClock, deriveClocks, type SlaClock, type TicketHistory } from "../clocks/index.js";
import { LABELS, TIERS, type Tier } from "../config/labels.js";
import { targetMinutes } from "../config/model.js";
import type { Component, Config } from "../config/schema.js";
import { formatOwner, type OwnerRule } from "../routing/support-owners.js";
import { hasMarker } from "../text/markers.js";
import { renderBreachNotice, renderWarning } from "../text/reminders.js";
import { componentOf, responsibilityFor } from "./responsibility.js";

export interface SweepTicket {
  number: number;
  labels: string[];
  assignees: string[];
  state: "open" | "closed";
  history: TicketHistory;
  appCommentBodies: string[];
}

export interface SweepContext {
  config: Config;
  org: string;
  ownerRules: OwnerRule[];
  /** Members of each team slug the app could read. */
  teamMembers: ReadonlyMap<string, ReadonlySet<string>>;
  calendarFor(partnerId: string): BusinessCalendar;
}

export interface Reminder {
  kind: "sla-warning" | "sla-breach";
  labelsToAdd: string[];
  labelsToRemove: string[];
  body: string;
}

export interface SweepRow {
  number: number;
  tier?: Tier;
  assignees: string[];
  elapsedWorkingMinutes?: number;
  targetMinutes?: number;
  state: string;
  dueAt?: Date;
  reminder?: Reminder["kind"];
}

/** The clock rules for one ticket: its component decides the L3 calendar and responders. */
export function clockRulesFor(ticket: Pick<SweepTicket, "labels">, ctx: SweepContext): ClockRules {
  const component = componentOf(ctx.config, ticket.labels);
  // Tickets of one component share their rules: a sweep builds them once per component, not per ticket.
  let byComponent = rulesCache.get(ctx);
  if (!byComponent) rulesCache.set(ctx, (byComponent = new Map()));
  const key = component?.id ?? "";
  let rules = byComponent.get(key);
  if (!rules) byComponent.set(key, (rules = buildClockRules(component, ctx)));
  return rules;
}

const rulesCache = new WeakMap<SweepContext, Map<string, ClockRules>>();

function buildClockRules(component: Component | undefined, ctx: SweepContext): ClockRules {
  const byTier = new Map(
    TIERS.map((tier) => {
      const responsibility = responsibilityFor(ctx.config, ctx.ownerRules, ctx.org, tier, component);
      const members = new Set<string>();
      for (const owner of responsibility.owners) {
        if (owner.kind === "user") members.add(owner.login.toLowerCase());
        else for (const login of ctx.teamMembers.get(owner.slug) ?? []) members.add(login.toLowerCase());
      }
      for (const partner of responsibility.partners) {
        for (const login of ctx.teamMembers.get(ctx.config.partners[partner]!.team) ?? []) members.add(login.toLowerCase());
      }
      return [tier, { responsibility, members, calendar: ctx.calendarFor(responsibility.partners[0]!) }] as const;
    }),
  );
  return {
    targetMinutes: { L1: targetMinutes(ctx.config, "L1"), L2: targetMinutes(ctx.config, "L2"), L3: targetMinutes(ctx.config, "L3") },
    warnAtRatio: ctx.config.sla.warnAtRatio,
    calendarFor: (tier) => byTier.get(tier)!.calendar,
    // SPEC §2: a person of the responsible side — the tier's team, or write access.
    isResponder: (actor: Actor, tier: Tier) => actor.hasWriteAccess || byTier.get(tier)!.members.has(actor.login.toLowerCase()),
  };
}

/** A clock is identified by its tier and the instant it started; markers carry this key. */
export function clockKey(clock: Pick<SlaClock, "tier" | "enteredAt">): string {
  return `${clock.tier}@${clock.enteredAt.toISOString()}`;
}

/** The ticket's row, the reminder now due, and its current clock (the board's card reuses it). */
export function sweepTicket(ticket: SweepTicket, ctx: SweepContext, now: Date): { row: SweepRow; reminder?: Reminder; clock?: SlaClock } {
  const base = { number: ticket.number, assignees: ticket.assignees };
  if (ticket.state === "closed") return { row: { ...base, state: "closed" } };
  if (ticket.labels.includes(LABELS.outOfScope)) return { row: { ...base, state: "out of scope" } };
  const clock = currentClock(deriveClocks(ticket.history, clockRulesFor(ticket, ctx), now));
  if (!clock) return { row: { ...base, state: "no tier" } };
  const row: SweepRow = {
    ...base,
    tier: clock.tier,
    elapsedWorkingMinutes: clock.elapsedWorkingMinutes,
    targetMinutes: clock.targetMinutes,
    state: clock.state,
    ...(clock.dueAt && { dueAt: clock.dueAt }),
  };
  const reminder = reminderFor(ticket, clock, ctx);
  return reminder ? { row: { ...row, reminder: reminder.kind }, reminder, clock } : { row, clock };
}

function reminderFor(ticket: SweepTicket, clock: SlaClock, ctx: SweepContext): Reminder | undefined {
  const key = clockKey(clock);
  const posted = (kind: "sla-warning" | "sla-breach") => ticket.appCommentBodies.some((body) => hasMarker(body, kind, key));
  if (clock.state !== "warning" && clock.state !== "breached") return undefined;
  if (posted("sla-breach")) return undefined;
  const component = componentOf(ctx.config, ticket.labels);
  const responsibility = responsibilityFor(ctx.config, ctx.ownerRules, ctx.org, clock.tier, component);
  const calendar = ctx.calendarFor(responsibility.partners[0]!);
  const facts = {
    key,
    tier: clock.tier,
    assignees: ticket.assignees,
    teams: responsibility.owners.map(formatOwner),
    elapsedWorkingMinutes: clock.elapsedWorkingMinutes,
    targetMinutes: clock.targetMinutes,
    dueAt: clock.dueAt,
    timeZone: calendar.spec.timeZone,
  };
  if (clock.state === "breached") {
    const desk = `@${ctx.org}/${ctx.config.partners[ctx.config.desk]!.team}`;
    return {
      kind: "sla-breach",
      labelsToAdd: ticket.labels.includes(LABELS.slaBreached) ? [] : [LABELS.slaBreached],
      labelsToRemove: ticket.labels.includes(LABELS.slaWarning) ? [LABELS.slaWarning] : [],
      body: renderBreachNotice({ ...facts, desk }),
    };
  }
  if (posted("sla-warning")) return undefined;
  return {
    kind: "sla-warning",
    labelsToAdd: ticket.labels.includes(LABELS.slaWarning) ? [] : [LABELS.slaWarning],
    labelsToRemove: [],
    body: renderWarning(facts),
  };
}
