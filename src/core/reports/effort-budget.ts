/**
 * Logged effort against the plan's yearly budgets, in days: L1 and L2 effort against their tier
 * budgets (the desk's), L3 effort per partner against budgets.L3.days. A partner without a budget
 * still shows its effort, with no percentage.
 */
import type { Tier } from "../config/labels.js";
import type { Config } from "../config/schema.js";
import { round } from "./rounding.js";

export interface EffortLine {
  tier: Tier;
  /** The L3 partner the line is for; absent on the L1 and L2 lines (the desk's budgets). */
  partner?: string;
  /** The partner's full name from the configuration, when known. */
  partnerName?: string;
  minutes: number;
  /** minutes / 60 / workingHours.hoursPerDay, two decimals. */
  days: number;
  /** The yearly budget in days; null when the configuration sets none. */
  budgetDays: number | null;
  /** days / budgetDays × 100, one decimal; null without a (positive) budget. */
  usedPercent: number | null;
}

export interface EffortEntry {
  partner: string;
  tier: Tier;
  minutes: number;
}

export function effortAgainstBudgets(
  entries: EffortEntry[],
  config: Pick<Config, "budgets" | "workingHours" | "partners">,
): EffortLine[] {
  const minutesPerDay = 60 * config.workingHours.hoursPerDay;
  const line = (tier: Tier, minutes: number, budgetDays: number | null, partner?: string): EffortLine => {
    const exactDays = minutes / minutesPerDay;
    const partnerName = partner === undefined ? undefined : config.partners[partner]?.name;
    return {
      tier,
      ...(partner !== undefined && { partner }),
      ...(partnerName !== undefined && { partnerName }),
      minutes,
      days: round(exactDays, 2),
      budgetDays,
      usedPercent: budgetDays ? round((exactDays / budgetDays) * 100, 1) : null,
    };
  };
  const sum = (keep: (e: EffortEntry) => boolean) => entries.filter(keep).reduce((total, e) => total + e.minutes, 0);

  const l3Budgets = config.budgets.L3.days;
  const l3Partners = [
    ...Object.keys(l3Budgets),
    ...[...new Set(entries.filter((e) => e.tier === "L3" && !(e.partner in l3Budgets)).map((e) => e.partner))].sort(),
  ];
  return [
    line("L1", sum((e) => e.tier === "L1"), config.budgets.L1.days),
    line("L2", sum((e) => e.tier === "L2"), config.budgets.L2.days),
    ...l3Partners.map((partner) =>
      line("L3", sum((e) => e.tier === "L3" && e.partner === partner), l3Budgets[partner] ?? null, partner),
    ),
  ];
}
