/**
 * A time zone's UTC offsets over one year as a few constant segments, found by sampling weekly and
 * bisecting each change, so turning a local wall time into an instant costs no Intl call per day.
 */
import { IANAZone } from "luxon";

export interface ZoneOffsets {
  /** The instant of a local wall time given as a UTC-style number; a skipped time moves forward. */
  instantOf(wallMs: number): number;
}

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

export function zoneOffsetsForYear(timeZone: string, year: number): ZoneOffsets {
  const zone = IANAZone.create(timeZone);
  const offsetAtZone = (ms: number): number => zone.offset(ms);
  // Two days of margin: a local year starts and ends up to 14 hours away from the UTC one.
  const from = Date.UTC(year, 0, 1) - 2 * 86_400_000;
  const to = Date.UTC(year + 1, 0, 1) + 2 * 86_400_000;
  const starts = [from];
  const offsets = [offsetAtZone(from)];
  for (let t = from; t < to; t += WEEK_MS) {
    const next = Math.min(t + WEEK_MS, to);
    if (offsetAtZone(next) !== offsets[offsets.length - 1]) {
      const change = firstChange(offsetAtZone, t, next);
      starts.push(change);
      offsets.push(offsetAtZone(change));
    }
  }

  const offsetAt = (ms: number): number => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > ms) i--;
    return offsets[i]!;
  };
  const distinct = [...new Set(offsets)].sort((a, b) => b - a);

  return {
    instantOf(wallMs) {
      let best: number | undefined;
      for (const offset of distinct) {
        const candidate = wallMs - offset * MINUTE_MS;
        if (offsetAt(candidate) === offset && (best === undefined || candidate < best)) best = candidate;
      }
      // In a spring-forward gap no offset fits: read the wall time with the offset before the change.
      return best ?? wallMs - offsetAt(wallMs - 86_400_000) * MINUTE_MS;
    },
  };
}

/** The first whole minute in (low, high] whose offset differs from the one at `low`. */
function firstChange(offsetAt: (ms: number) => number, low: number, high: number): number {
  const before = offsetAt(low);
  let lo = low;
  let hi = high;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
