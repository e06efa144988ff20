/**
 * Effort read back from GitHub itself: the effort markers in the app's `/effort` acknowledgements.
 * One entry per marker key, so a comment read twice never counts twice; malformed data is skipped.
 */
import { TIERS, type Tier } from "../config/labels.js";
import { readMarkers } from "../text/markers.js";

export interface EffortEntry {
  key: string;
  partner: string;
  minutes: number;
  tier: Tier;
  /** Login of the person who logged it. */
  by?: string;
}

/** Every effort entry in the app's comment bodies, in the order they were posted. */
export function readEffortLog(appCommentBodies: readonly string[]): EffortEntry[] {
  const byKey = new Map<string, EffortEntry>();
  for (const body of appCommentBodies) {
    for (const marker of readMarkers(body)) {
      if (marker.kind !== "effort" || !marker.key || byKey.has(marker.key)) continue;
      const { partner, minutes, tier, by } = marker.data ?? {};
      const isValid =
        typeof partner === "string" && typeof minutes === "number" && Number.isFinite(minutes) && minutes > 0 && TIERS.includes(tier as Tier);
      if (!isValid) continue;
      byKey.set(marker.key, { key: marker.key, partner, minutes, tier: tier as Tier, ...(typeof by === "string" && { by }) });
    }
  }
  return [...byKey.values()];
}

export interface EffortTotal {
  partner: string;
  tier: Tier;
  minutes: number;
}

/** Minutes per partner and tier, in tier order then partner order of first appearance. */
export function totalEffort(entries: readonly EffortEntry[]): EffortTotal[] {
  const totals: EffortTotal[] = [];
  for (const entry of entries) {
    const total = totals.find((t) => t.partner === entry.partner && t.tier === entry.tier);
    if (total) total.minutes += entry.minutes;
    else totals.push({ partner: entry.partner, tier: entry.tier, minutes: entry.minutes });
  }
  return totals.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
}
