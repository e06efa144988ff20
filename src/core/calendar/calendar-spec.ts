/**
 * What a team's working time is (time zone, public holidays, weekdays, hours, closures) and
 * whether a given spec is usable. Validation returns problems naming the field; it never throws.
 */
import { DateTime, IANAZone } from "luxon";
import { type Problem, type Result, fail, ok } from "../result.js";
import { isKnownCountry, isKnownRegion } from "./public-holidays.js";

export interface CalendarSpec {
  /** IANA time zone, e.g. "Europe/Athens". */
  timeZone: string;
  /** ISO country code for public holidays, e.g. "GR"; undefined = no public holidays. */
  country?: string;
  /** Optional date-holidays state/region code, e.g. "BY" for Bavaria. */
  region?: string;
  /** ISO weekdays that are working days, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local wall-clock start and end of a working day, "HH:MM". */
  dayStart: string;
  dayEnd: string;
  /** Extra closed local dates, "YYYY-MM-DD". */
  extraHolidays: string[];
  /** Closed local date ranges, both ends inclusive. */
  closures: { from: string; to: string }[];
}

/** A spec as written in configuration: everything but the time zone has a default. */
export type CalendarSpecInput = Pick<CalendarSpec, "timeZone"> & Partial<CalendarSpec>;

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_DAY_START = "09:00";
export const DEFAULT_DAY_END = "17:00";

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes after local midnight of an "HH:MM" time; undefined when malformed. */
export function minutesOfDay(time: string): number | undefined {
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function isLocalDate(text: string): boolean {
  return LOCAL_DATE.test(text) && DateTime.fromISO(text).isValid;
}

/** Fills defaults and checks every field; problems name the field ("closures[1].to"). */
export function validateCalendarSpec(input: CalendarSpecInput): Result<CalendarSpec> {
  const spec: CalendarSpec = {
    timeZone: input.timeZone,
    // Copies, so a calendar built from the spec never changes under its caller's edits.
    workingDays: [...(input.workingDays ?? DEFAULT_WORKING_DAYS)],
    dayStart: input.dayStart ?? DEFAULT_DAY_START,
    dayEnd: input.dayEnd ?? DEFAULT_DAY_END,
    extraHolidays: [...(input.extraHolidays ?? [])],
    closures: (input.closures ?? []).map((closure) => ({ from: closure.from, to: closure.to })),
  };
  if (input.country !== undefined) spec.country = input.country.toUpperCase();
  if (input.region !== undefined) spec.region = input.region.toUpperCase();

  const problems: Problem[] = [
    ...zoneProblems(spec),
    ...holidayProblems(spec),
    ...hoursProblems(spec),
    ...dateProblems(spec),
  ];
  return problems.length > 0 ? fail(...problems) : ok(spec);
}

// Checking a zone builds an Intl formatter; teams are few, so remember the answer.
const zoneValidity = new Map<string, boolean>();

function zoneProblems(spec: CalendarSpec): Problem[] {
  let isValid = zoneValidity.get(spec.timeZone);
  if (isValid === undefined) {
    isValid = IANAZone.isValidZone(spec.timeZone);
    zoneValidity.set(spec.timeZone, isValid);
  }
  return isValid
    ? []
    : [{ where: "timeZone", message: `unknown time zone "${spec.timeZone}" (use an IANA name such as Europe/Athens)` }];
}

function holidayProblems(spec: CalendarSpec): Problem[] {
  if (spec.country === undefined) {
    return spec.region === undefined ? [] : [{ where: "region", message: "a region needs a country" }];
  }
  if (!isKnownCountry(spec.country)) {
    return [{ where: "country", message: `unknown country "${spec.country}" (use an ISO code such as GR)` }];
  }
  if (spec.region !== undefined && !isKnownRegion(spec.country, spec.region)) {
    return [{ where: "region", message: `unknown region "${spec.region}" for country ${spec.country}` }];
  }
  return [];
}

function hoursProblems(spec: CalendarSpec): Problem[] {
  const problems: Problem[] = [];
  if (spec.workingDays.length === 0) problems.push({ where: "workingDays", message: "at least one working day is needed" });
  spec.workingDays.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      problems.push({ where: `workingDays[${i}]`, message: `${day} is not an ISO weekday (1 = Monday … 7 = Sunday)` });
    }
  });
  const start = minutesOfDay(spec.dayStart);
  const end = minutesOfDay(spec.dayEnd);
  if (start === undefined) problems.push({ where: "dayStart", message: `"${spec.dayStart}" is not a time "HH:MM"` });
  if (end === undefined) problems.push({ where: "dayEnd", message: `"${spec.dayEnd}" is not a time "HH:MM"` });
  if (start !== undefined && end !== undefined && end <= start) {
    problems.push({ where: "dayEnd", message: `dayEnd ${spec.dayEnd} must be after dayStart ${spec.dayStart}` });
  }
  return problems;
}

function dateProblems(spec: CalendarSpec): Problem[] {
  const problems: Problem[] = [];
  spec.extraHolidays.forEach((date, i) => {
    if (!isLocalDate(date)) problems.push({ where: `extraHolidays[${i}]`, message: `"${date}" is not a date "YYYY-MM-DD"` });
  });
  spec.closures.forEach((closure, i) => {
    const fromOk = isLocalDate(closure.from);
    const toOk = isLocalDate(closure.to);
    if (!fromOk) problems.push({ where: `closures[${i}].from`, message: `"${closure.from}" is not a date "YYYY-MM-DD"` });
    if (!toOk) problems.push({ where: `closures[${i}].to`, message: `"${closure.to}" is not a date "YYYY-MM-DD"` });
    if (fromOk && toOk && closure.to < closure.from) {
      problems.push({ where: `closures[${i}]`, message: `closure ends (${closure.to}) before it starts (${closure.from})` });
    }
  });
  return problems;
}
