/**
 * Replays a ticket's history in one pass into one response clock per tier entry (SPEC §2).
 * Working time comes from the responsible team's calendar; nothing here reads the wall clock.
 */
import type { BusinessCalendar } from "../calendar/index.js";
import { LABELS, type Tier, tierOfLabel } from "../config/labels.js";
import { type ClockPauseReason, type ClockRules, type SlaClock, isMet, stateOf } from "./sla-clock.js";
import type { Actor, TicketEvent, TicketHistory } from "./ticket-history.js";

interface RunningClock {
  tier: Tier;
  calendar: BusinessCalendar;
  targetMinutes: number;
  enteredAt: Date;
  elapsed: number;
  /** Set while working time accrues. */
  runningSince?: Date;
  breachedAt?: Date;
  firstResponseAt?: Date;
}

/** Every clock of the ticket, oldest first, as they stand at `now`. */
export function deriveClocks(history: TicketHistory, rules: ClockRules, now: Date): SlaClock[] {
  if (history.createdAt > now) return [];
  const events = history.events.filter((event) => event.at <= now).sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = firstTierOf(events);
  if (!first) return [];
  const firstTier = first.tier;

  const labels = new Set<string>();
  const tiersOn: Tier[] = [];
  let isClosed = false;
  const clocks: SlaClock[] = [];

  const pauseReasons = (): ClockPauseReason[] => [
    ...(labels.has(LABELS.needsInfo) ? (["reporter"] as const) : []),
    ...(labels.has(LABELS.external) ? (["external"] as const) : []),
    ...(isClosed ? (["closed"] as const) : []),
  ];
  const isOutOfScope = () => labels.has(LABELS.outOfScope);
  const isRunnable = (clock: RunningClock) =>
    clock.firstResponseAt === undefined && !isOutOfScope() && pauseReasons().length === 0;

  const start = (tier: Tier, at: Date): RunningClock => ({
    tier,
    calendar: rules.calendarFor(tier),
    targetMinutes: rules.targetMinutes[tier],
    enteredAt: at,
    elapsed: 0,
  });
  const end = (clock: RunningClock, at: Date) => {
    clocks.push(finish(clock, rules.warnAtRatio, { endedAt: at }));
  };

  // SPEC §2: the ticket entered the desk when it was filed, so the app's own triage counts from
  // creation. A tier a person first set by hand, later, starts the clock only then.
  const startsAt = first.byBot ? history.createdAt : first.at;
  let open: RunningClock | undefined = start(firstTier, startsAt);
  open.runningSince = startsAt;

  for (const event of events) {
    // Before the clock starts, events only set the scene (labels, state); no time accrues.
    const hasStarted = event.at >= startsAt;
    if (open && hasStarted) settle(open, event.at);
    switch (event.kind) {
      case "labeled":
      case "unlabeled": {
        const tier = tierOfLabel(event.label);
        if (!tier) {
          if (event.kind === "labeled") labels.add(event.label);
          else labels.delete(event.label);
          break;
        }
        const index = tiersOn.indexOf(tier);
        if (index >= 0) tiersOn.splice(index, 1);
        if (event.kind === "labeled") tiersOn.push(tier);
        // The tier is the most recently added tier label still on the issue.
        const tierNow = tiersOn[tiersOn.length - 1];
        if (open?.tier !== tierNow) {
          if (open) end(open, event.at);
          open = tierNow ? start(tierNow, event.at) : undefined;
        }
        break;
      }
      case "closed":
        isClosed = true;
        break;
      case "reopened":
        isClosed = false;
        break;
      case "comment":
        if (open && open.firstResponseAt === undefined && isResponse(event.author, open.tier, history, rules)) {
          open.firstResponseAt = event.at;
        }
        break;
    }
    if (hasStarted && open && !open.runningSince && isRunnable(open)) open.runningSince = event.at;
  }

  if (open) {
    settle(open, now);
    const isRunning = isRunnable(open);
    const reasons = open.firstResponseAt === undefined ? pauseReasons() : [];
    clocks.push(finish(open, rules.warnAtRatio, { now, isRunning, isClosed: isClosed || isOutOfScope(), reasons }));
  }
  return clocks;
}

/** Adds the working time since the clock last started running, noting the breach instant. */
function settle(clock: RunningClock, at: Date): void {
  if (!clock.runningSince) return;
  const minutes = clock.calendar.workingMinutesBetween(clock.runningSince, at);
  if (clock.elapsed < clock.targetMinutes && clock.elapsed + minutes >= clock.targetMinutes) {
    clock.breachedAt = clock.calendar.addWorkingMinutes(clock.runningSince, clock.targetMinutes - clock.elapsed);
  }
  clock.elapsed += minutes;
  clock.runningSince = undefined;
}

interface Ending {
  endedAt?: Date;
  now?: Date;
  isRunning?: boolean;
  isClosed?: boolean;
  reasons?: ClockPauseReason[];
}

function finish(clock: RunningClock, warnAtRatio: number, ending: Ending): SlaClock {
  const isAnswered = clock.firstResponseAt !== undefined;
  const reasons = ending.reasons ?? [];
  const facts = {
    elapsedWorkingMinutes: clock.elapsed,
    targetMinutes: clock.targetMinutes,
    warnAtRatio,
    hasEnded: ending.endedAt !== undefined,
    isAnswered,
    isClosed: ending.isClosed ?? false,
    isPaused: reasons.length > 0,
  };
  const state = stateOf(facts);
  const result: SlaClock = {
    tier: clock.tier,
    enteredAt: clock.enteredAt,
    elapsedWorkingMinutes: clock.elapsed,
    targetMinutes: clock.targetMinutes,
    state,
    isPaused: reasons.length > 0,
    pauseReasons: reasons,
  };
  if (ending.endedAt) result.endedAt = ending.endedAt;
  if (clock.firstResponseAt) result.firstResponseAt = clock.firstResponseAt;
  const dueAt = dueAtOf(clock, state, ending);
  if (dueAt) result.dueAt = dueAt;
  const met = isMet(facts);
  if (met !== undefined) result.met = met;
  return result;
}

function dueAtOf(clock: RunningClock, state: SlaClock["state"], ending: Ending): Date | undefined {
  if (state === "breached") return clock.breachedAt;
  if ((state === "on track" || state === "warning") && ending.isRunning && ending.now) {
    return clock.calendar.addWorkingMinutes(ending.now, clock.targetMinutes - clock.elapsed);
  }
  return undefined;
}

/** SPEC §2: a person of the responsible side; never a bot, never the reporter. */
function isResponse(author: Actor, tier: Tier, history: TicketHistory, rules: ClockRules): boolean {
  if (author.isBot || author.login.endsWith("[bot]")) return false;
  if (author.login.toLowerCase() === history.reporter.toLowerCase()) return false;
  return rules.isResponder(author, tier);
}

function firstTierOf(events: TicketEvent[]): { tier: Tier; at: Date; byBot: boolean } | undefined {
  for (const event of events) {
    if (event.kind !== "labeled") continue;
    const tier = tierOfLabel(event.label);
    if (tier) return { tier, at: event.at, byBot: event.actor.isBot };
  }
  return undefined;
}
