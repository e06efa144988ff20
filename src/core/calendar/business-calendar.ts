/**
 * A team's business calendar: working minutes between two instants and the instant after N working
 * minutes. Instants are truncated to the whole minute, so counts are integers and exactly additive.
 */
import { type CalendarSpec, validateCalendarSpec } from "./calendar-spec.js";
import { type WorkingYear, buildWorkingYear, dayIndexOf, endOfWorkingMinute, minutesIntoYear } from "./working-year.js";

export interface BusinessCalendar {
  /** Whole working minutes in [from, to); 0 if to <= from. */
  workingMinutesBetween(from: Date, to: Date): number;
  /** The end of the n-th working minute after `from`; `from` itself when n is 0. */
  addWorkingMinutes(from: Date, minutes: number): Date;
  /** Whether `at` falls inside a working window. */
  isWorkingTime(at: Date): boolean;
  spec: CalendarSpec;
}

interface Position {
  year: WorkingYear;
  minutes: number;
}

/** A calendar with no working time for this many years in a row is a configuration bug. */
const MAX_EMPTY_YEARS = 10;
const MAX_CACHED_SPECS = 256;
const calendars = new Map<string, BusinessCalendar>();

/**
 * Builds a calendar; throws on an invalid spec (check it first with validateCalendarSpec).
 * Equal specs share one calendar and its year tables, so callers may create calendars freely.
 */
export function createBusinessCalendar(spec: CalendarSpec): BusinessCalendar {
  const key = JSON.stringify(spec);
  let calendar = calendars.get(key);
  if (!calendar) {
    // Specs come from a handful of teams; the bound only guards against a leak.
    if (calendars.size >= MAX_CACHED_SPECS) calendars.clear();
    calendar = buildCalendar(spec);
    calendars.set(key, calendar);
  }
  return calendar;
}

function buildCalendar(spec: CalendarSpec): BusinessCalendar {
  const checked = validateCalendarSpec(spec);
  if (!checked.ok) {
    throw new Error(`invalid calendar: ${checked.problems.map((p) => `${p.where}: ${p.message}`).join("; ")}`);
  }
  const years = new Map<number, WorkingYear>();
  const yearOf = (year: number): WorkingYear => {
    let table = years.get(year);
    if (!table) {
      table = buildWorkingYear(checked.value, year);
      years.set(year, table);
    }
    return table;
  };

  const yearContaining = (ms: number): WorkingYear => {
    // The local year is the UTC year or its neighbour: offsets are under a day.
    const year = yearOf(new Date(ms).getUTCFullYear());
    if (ms < year.midnightMs[0]!) return yearOf(year.year - 1);
    if (ms >= year.midnightMs[year.minutes.length]!) return yearOf(year.year + 1);
    return year;
  };
  const locate = (ms: number): Position => {
    const year = yearContaining(ms);
    return { year, minutes: minutesIntoYear(year, ms) };
  };

  return {
    spec: checked.value,

    workingMinutesBetween(from, to) {
      const a = floorToMinute(from.getTime());
      const b = floorToMinute(to.getTime());
      if (b <= a) return 0;
      const start = locate(a);
      const end = locate(b);
      if (start.year.year === end.year.year) return end.minutes - start.minutes;
      let total = start.year.total - start.minutes;
      for (let y = start.year.year + 1; y < end.year.year; y++) total += yearOf(y).total;
      return total + end.minutes;
    },

    addWorkingMinutes(from, minutes) {
      if (!Number.isInteger(minutes) || minutes < 0) {
        throw new RangeError(`working minutes must be a whole number >= 0, got ${minutes}`);
      }
      if (minutes === 0) return from;
      const start = locate(floorToMinute(from.getTime()));
      let year = start.year;
      let target = start.minutes + minutes;
      let emptyYears = 0;
      while (target > year.total) {
        target -= year.total;
        emptyYears = year.total === 0 ? emptyYears + 1 : 0;
        if (emptyYears >= MAX_EMPTY_YEARS) throw new Error(`calendar ${checked.value.timeZone} has no working time`);
        year = yearOf(year.year + 1);
      }
      return new Date(endOfWorkingMinute(year, target));
    },

    isWorkingTime(at) {
      const ms = at.getTime();
      const year = yearContaining(ms);
      const d = dayIndexOf(year, ms);
      return ms >= year.openMs[d]! && ms < year.openMs[d]! + year.minutes[d]! * 60_000;
    },
  };
}

function floorToMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}
