/**
 * One local calendar year of a spec as arrays: each day's local midnight, its working window and
 * the working minutes before it. Built once per (spec, year) so queries are binary searches, not loops.
 */
import { type CalendarSpec, minutesOfDay } from "./calendar-spec.js";
import { publicHolidays } from "./public-holidays.js";
import { zoneOffsetsForYear } from "./zone-offsets.js";

export interface WorkingYear {
  year: number;
  /** Instant of each day's local midnight; one extra entry: the next year's first midnight. */
  midnightMs: Float64Array;
  /** Instant the working window of each day opens (its midnight when closed). */
  openMs: Float64Array;
  /** Working minutes of each day (0 when closed). */
  minutes: Int32Array;
  /** Working minutes of the year before each day; one extra entry: the year's total. */
  before: Int32Array;
  total: number;
}

export function buildWorkingYear(spec: CalendarSpec, year: number): WorkingYear {
  const zone = zoneOffsetsForYear(spec.timeZone, year);
  const days = Date.UTC(year + 1, 0, 1) / 86_400_000 - Date.UTC(year, 0, 1) / 86_400_000;
  const midnightMs = new Float64Array(days + 1);
  const openMs = new Float64Array(days);
  const minutes = new Int32Array(days);
  const before = new Int32Array(days + 1);
  const startMs = (minutesOfDay(spec.dayStart) ?? 0) * 60_000;
  const endMs = (minutesOfDay(spec.dayEnd) ?? 0) * 60_000;
  const isClosedDate = closedDatePredicate(spec, year);
  const workingDays = new Set(spec.workingDays);

  for (let d = 0; d < days; d++) {
    // The local date as a UTC-style number: calendar arithmetic without the zone.
    const wallMidnight = Date.UTC(year, 0, 1 + d);
    const date = new Date(wallMidnight);
    midnightMs[d] = zone.instantOf(wallMidnight);
    openMs[d] = midnightMs[d]!;
    const weekday = date.getUTCDay() || 7;
    if (workingDays.has(weekday) && !isClosedDate(date.toISOString().slice(0, 10))) {
      // Wall-clock hours each day, so a DST change never moves 09:00-17:00.
      const open = zone.instantOf(wallMidnight + startMs);
      const close = zone.instantOf(wallMidnight + endMs);
      openMs[d] = open;
      minutes[d] = Math.max(0, Math.round((close - open) / 60_000));
    }
    before[d + 1] = before[d]! + minutes[d]!;
  }
  midnightMs[days] = zone.instantOf(Date.UTC(year + 1, 0, 1));
  return { year, midnightMs, openMs, minutes, before, total: before[days]! };
}

function closedDatePredicate(spec: CalendarSpec, year: number): (iso: string) => boolean {
  const holidays = spec.country ? publicHolidays(spec.country, spec.region, year) : new Set<string>();
  const extra = new Set(spec.extraHolidays);
  const prefix = String(year);
  const closures = spec.closures.filter((c) => c.from.slice(0, 4) <= prefix && prefix <= c.to.slice(0, 4));
  // ISO dates compare correctly as strings.
  return (iso) => holidays.has(iso) || extra.has(iso) || closures.some((c) => c.from <= iso && iso <= c.to);
}

/** Index of the day containing instant `ms` (which must lie inside the year). */
export function dayIndexOf(year: WorkingYear, ms: number): number {
  let low = 0;
  let high = year.minutes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (year.midnightMs[mid]! <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Working minutes from the start of the year to `ms` (a whole-minute instant inside the year). */
export function minutesIntoYear(year: WorkingYear, ms: number): number {
  const d = dayIndexOf(year, ms);
  const intoDay = Math.floor((ms - year.openMs[d]!) / 60_000);
  return year.before[d]! + Math.min(Math.max(intoDay, 0), year.minutes[d]!);
}

/** The instant at the end of working minute number `target` (1-based, 1 ≤ target ≤ total) of the year. */
export function endOfWorkingMinute(year: WorkingYear, target: number): number {
  // Smallest k with before[k] >= target; day k-1 holds that minute.
  let low = 1;
  let high = year.minutes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (year.before[mid]! >= target) high = mid;
    else low = mid + 1;
  }
  const d = low - 1;
  return year.openMs[d]! + (target - year.before[d]!) * 60_000;
}
