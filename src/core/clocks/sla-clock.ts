/**
 * What a response clock is and how its state reads at a moment (SPEC §2 "Response targets"):
 * warn at 75 % of the target, breach at 100 %, met or missed once decided.
 */
import type { BusinessCalendar } from "../calendar/index.js";
import type { Tier } from "../config/labels.js";
import type { Actor } from "./ticket-history.js";

export interface ClockRules {
  /** Response target per tier in working minutes (plan: L1 180, L2 180, L3 960). */
  targetMinutes: Record<Tier, number>;
  /** Share of the target after which a clock is in warning (plan: 0.75). */
  warnAtRatio: number;
  /** The responsible team's calendar for a tier. */
  calendarFor(tier: Tier): BusinessCalendar;
  /** Team member or write access; bots and the reporter are excluded by the clocks themselves. */
  isResponder(actor: Actor, tier: Tier): boolean;
}

/** "superseded": the ticket left the tier unanswered; the next tier's clock took over. */
export type SlaState = "on track" | "warning" | "breached" | "paused" | "answered" | "closed" | "superseded";

export type ClockPauseReason = "reporter" | "external" | "closed";

export interface SlaClock {
  tier: Tier;
  enteredAt: Date;
  /** When the ticket left this tier. */
  endedAt?: Date;
  firstResponseAt?: Date;
  elapsedWorkingMinutes: number;
  targetMinutes: number;
  /** When elapsed reaches the target if nothing pauses it (the breach instant once breached); undefined while paused. */
  dueAt?: Date;
  state: SlaState;
  isPaused: boolean;
  pauseReasons: ClockPauseReason[];
  /** true/false once decided (answered, or unanswered past its target), else undefined. */
  met?: boolean;
}

/** The clock of the tier the ticket is in now; undefined when it is in none. */
export function currentClock(clocks: SlaClock[]): SlaClock | undefined {
  const last = clocks[clocks.length - 1];
  return last && last.endedAt === undefined ? last : undefined;
}

export interface ClockFacts {
  elapsedWorkingMinutes: number;
  targetMinutes: number;
  warnAtRatio: number;
  hasEnded: boolean;
  isAnswered: boolean;
  /** Closed, or labelled out-of-scope: no running clock. */
  isClosed: boolean;
  isPaused: boolean;
}

/** One state per clock; a closed ticket reads "closed" and a missed deadline outranks a pause. */
export function stateOf(facts: ClockFacts): SlaState {
  if (facts.isAnswered) return "answered";
  if (facts.hasEnded) return "superseded";
  if (facts.isClosed) return "closed";
  if (facts.elapsedWorkingMinutes >= facts.targetMinutes) return "breached";
  if (facts.isPaused) return "paused";
  if (facts.elapsedWorkingMinutes >= facts.warnAtRatio * facts.targetMinutes) return "warning";
  return "on track";
}

/** SPEC §2: a ticket still unanswered past its target counts as missed, and stays missed. */
export function isMet(facts: Pick<ClockFacts, "elapsedWorkingMinutes" | "targetMinutes" | "isAnswered">): boolean | undefined {
  if (facts.elapsedWorkingMinutes >= facts.targetMinutes) return false;
  return facts.isAnswered ? true : undefined;
}
