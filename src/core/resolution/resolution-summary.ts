/**
 * What the resolution notice says when an L3 ticket is solved (seed D5.3: L3 informs ATC and DV):
 * working time spent in each tier, each clock met or missed, and the effort logged. Pure.
 */
import type { BusinessCalendar } from "../calendar/index.js";
import type { SlaClock } from "../clocks/index.js";
import { TIERS, type Tier } from "../config/labels.js";
import { type EffortTotal, readEffortLog, totalEffort } from "./effort-log.js";

/** "met": answered within target; "missed": unanswered past target (SPEC §2, it stays missed); "unanswered": neither. */
export type ClockResult = "met" | "missed" | "unanswered";

export interface ClockLine {
  tier: Tier;
  enteredAt: Date;
  firstResponseAt?: Date;
  /** Working minutes the clock ran before it was answered, left or stopped. */
  elapsedWorkingMinutes: number;
  targetMinutes: number;
  result: ClockResult;
}

export interface ResolutionSummary {
  /** Working minutes the ticket spent in each tier it visited, on that tier's calendar, in tier order. */
  timeInTier: { tier: Tier; workingMinutes: number }[];
  clocks: ClockLine[];
  effort: EffortTotal[];
  totalEffortMinutes: number;
}

export interface ResolutionInput {
  /** The ticket's clocks (deriveClocks), oldest first. */
  clocks: readonly SlaClock[];
  closedAt: Date;
  calendarFor(tier: Tier): BusinessCalendar;
  /** The app's own comments, whose effort markers hold the effort log. */
  appCommentBodies: readonly string[];
}

export function summariseResolution(input: ResolutionInput): ResolutionSummary {
  const minutesByTier = new Map<Tier, number>();
  for (const clock of input.clocks) {
    const end = clock.endedAt ?? input.closedAt;
    const minutes = input.calendarFor(clock.tier).workingMinutesBetween(clock.enteredAt, end);
    minutesByTier.set(clock.tier, (minutesByTier.get(clock.tier) ?? 0) + minutes);
  }
  const effort = totalEffort(readEffortLog(input.appCommentBodies));
  return {
    timeInTier: TIERS.filter((tier) => minutesByTier.has(tier)).map((tier) => ({ tier, workingMinutes: minutesByTier.get(tier)! })),
    clocks: input.clocks.map((clock) => ({
      tier: clock.tier,
      enteredAt: clock.enteredAt,
      ...(clock.firstResponseAt && { firstResponseAt: clock.firstResponseAt }),
      elapsedWorkingMinutes: clock.elapsedWorkingMinutes,
      targetMinutes: clock.targetMinutes,
      result: clock.met === true ? "met" : clock.met === false ? "missed" : "unanswered",
    })),
    effort,
    totalEffortMinutes: effort.reduce((sum, e) => sum + e.minutes, 0),
  };
}
