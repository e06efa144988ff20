import { describe, expect, it } from "vitest";
import { type CalendarSpec, type CalendarSpecInput, createBusinessCalendar, validateCalendarSpec } from "../../../src/core/calendar/index.js";

function calendar(input: CalendarSpecInput) {
  const spec = validateCalendarSpec(input);
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  return createBusinessCalendar(spec.value);
}

const athens = calendar({ timeZone: "Europe/Athens", country: "GR" });
const brussels = calendar({ timeZone: "Europe/Brussels", country: "BE" });
const berlin = calendar({ timeZone: "Europe/Berlin", country: "DE" });
const athensWithClosures = calendar({
  timeZone: "Europe/Athens",
  country: "GR",
  extraHolidays: ["2026-05-18"],
  closures: [{ from: "2026-08-03", to: "2026-08-14" }],
});
const brusselsSummerClosure = calendar({
  timeZone: "Europe/Brussels",
  country: "BE",
  closures: [{ from: "2026-08-03", to: "2026-08-14" }],
});
const noHolidays = calendar({ timeZone: "Europe/Athens" });

const at = (iso: string) => new Date(iso);

describe("addWorkingMinutes", () => {
  it.each([
    ["Friday 16:00 + 3 working hours = Monday 11:00", athens, "2026-05-15T16:00+03:00", 180, "2026-05-18T11:00+03:00"],
    ["inside one day", athens, "2026-05-12T09:30+03:00", 60, "2026-05-12T10:30+03:00"],
    ["ending exactly at closing time stays that day", athens, "2026-05-12T16:00+03:00", 60, "2026-05-12T17:00+03:00"],
    ["from a night starts at the next opening", athens, "2026-05-12T22:00+03:00", 30, "2026-05-13T09:30+03:00"],
    ["from a Saturday starts on Monday", athens, "2026-05-16T12:00+03:00", 30, "2026-05-18T09:30+03:00"],
    ["two working days (L3) from Tuesday 10:00", brussels, "2026-06-09T10:00+02:00", 960, "2026-06-11T10:00+02:00"],
    ["Athens DST (29 Mar): Friday EET to Monday EEST", athens, "2026-03-27T16:00+02:00", 120, "2026-03-30T10:00+03:00"],
    ["Athens DST (25 Oct): Friday EEST to Monday EET", athens, "2026-10-23T16:00+03:00", 120, "2026-10-26T10:00+02:00"],
    ["Brussels DST (29 Mar): Friday CET to Monday CEST", brussels, "2026-03-27T16:00+01:00", 120, "2026-03-30T10:00+02:00"],
    ["Brussels DST (25 Oct): Friday CEST to Monday CET", brussels, "2026-10-23T16:00+02:00", 120, "2026-10-26T10:00+01:00"],
    ["GR 25 March is a public holiday", athens, "2026-03-24T16:00+02:00", 120, "2026-03-26T10:00+02:00"],
    ["BE Easter Monday (6 Apr 2026) is a public holiday", brussels, "2026-04-03T16:00+02:00", 120, "2026-04-07T10:00+02:00"],
    ["BE 21 July is a public holiday", brussels, "2026-07-20T16:00+02:00", 120, "2026-07-22T10:00+02:00"],
    ["year end: 31 Dec 2026 to Monday 4 Jan (1 Jan closed)", athens, "2026-12-31T16:00+02:00", 120, "2027-01-04T10:00+02:00"],
    ["year end: 31 Dec 2025 to Friday 2 Jan 2026", athens, "2025-12-31T16:00+02:00", 120, "2026-01-02T10:00+02:00"],
    ["year end in Brussels", brussels, "2026-12-31T16:00+01:00", 120, "2027-01-04T10:00+01:00"],
    ["an extra holiday from the spec is closed", athensWithClosures, "2026-05-15T16:00+03:00", 180, "2026-05-19T11:00+03:00"],
    ["a closure from the spec is closed, both ends included", brusselsSummerClosure, "2026-07-31T16:00+02:00", 120, "2026-08-17T10:00+02:00"],
    ["without a country no public holiday closes", noHolidays, "2026-03-24T16:00+02:00", 120, "2026-03-25T10:00+02:00"],
    ["seconds are dropped: the n-th minute ends on a whole minute", athens, "2026-05-12T09:30:45+03:00", 10, "2026-05-12T09:40+03:00"],
  ])("%s", (_description, cal, from, minutes, expected) => {
    expect(cal.addWorkingMinutes(at(from), minutes).toISOString()).toBe(at(expected).toISOString());
  });

  it.each([
    ["on a Saturday", "2026-05-16T12:00:30+03:00"],
    ["during working time", "2026-05-12T10:00:30+03:00"],
  ])("adding 0 minutes %s returns the same instant", (_description, from) => {
    expect(athens.addWorkingMinutes(at(from), 0).toISOString()).toBe(at(from).toISOString());
  });

  it("refuses a negative number of minutes", () => {
    expect(() => athens.addWorkingMinutes(at("2026-05-12T10:00+03:00"), -1)).toThrow(RangeError);
  });
});

describe("workingMinutesBetween", () => {
  it.each([
    ["a DST week in Brussels has 5 full days", brussels, "2026-03-23T00:00+01:00", "2026-03-30T00:00+02:00", 5 * 480],
    ["a DST week in Brussels (October) has 5 full days", brussels, "2026-10-19T00:00+02:00", "2026-10-26T00:00+01:00", 5 * 480],
    ["the Athens DST week has 25 March off", athens, "2026-03-23T00:00+02:00", "2026-03-30T00:00+03:00", 4 * 480],
    ["the Athens October DST week", athens, "2026-10-19T00:00+03:00", "2026-10-26T00:00+02:00", 5 * 480],
    ["the Monday after the spring change is a full day", brussels, "2026-03-30T00:00+02:00", "2026-03-31T00:00+02:00", 480],
    ["a night counts nothing", athens, "2026-05-12T17:00+03:00", "2026-05-13T09:00+03:00", 0],
    ["a weekend counts nothing", athens, "2026-05-15T17:00+03:00", "2026-05-18T09:00+03:00", 0],
    ["a public holiday counts nothing", athens, "2026-03-25T00:00+02:00", "2026-03-26T00:00+02:00", 0],
    ["an observance is a working day (BE 2 Nov)", brussels, "2026-11-02T00:00+01:00", "2026-11-03T00:00+01:00", 480],
    ["a bank holiday is a working day (DE 24 Dec)", berlin, "2026-12-24T00:00+01:00", "2026-12-25T00:00+01:00", 480],
    ["across the year end", athens, "2026-12-31T16:00+02:00", "2027-01-04T10:00+02:00", 120],
    ["reversed interval is 0", athens, "2026-05-13T12:00+03:00", "2026-05-12T12:00+03:00", 0],
    ["a closure week counts nothing", athensWithClosures, "2026-08-03T00:00+03:00", "2026-08-15T00:00+03:00", 0],
    ["a whole year of Brussels: 261 weekdays minus 8 weekday holidays", brussels, "2026-01-01T00:00+01:00", "2027-01-01T00:00+01:00", 253 * 480],
  ])("%s", (_description, cal, from, to, expected) => {
    expect(cal.workingMinutesBetween(at(from), at(to))).toBe(expected);
  });
});

describe("isWorkingTime", () => {
  it.each([
    ["09:00 opens", athens, "2026-05-12T09:00+03:00", true],
    ["16:59 is still open", athens, "2026-05-12T16:59+03:00", true],
    ["17:00 is closed", athens, "2026-05-12T17:00+03:00", false],
    ["08:59 is closed", athens, "2026-05-12T08:59+03:00", false],
    ["Sunday is closed", athens, "2026-05-17T12:00+03:00", false],
    ["GR 25 March is closed", athens, "2026-03-25T12:00+02:00", false],
    ["BE 21 July is closed", brussels, "2026-07-21T12:00+02:00", false],
    ["09:30 in Brussels is 10:30 in Athens", brussels, "2026-05-12T10:30+03:00", true],
  ])("%s", (_description, cal, instant, expected) => {
    expect(cal.isWorkingTime(at(instant))).toBe(expected);
  });
});

describe("spec", () => {
  it("fills the plan's defaults: Monday to Friday, 09:00-17:00", () => {
    const spec: CalendarSpec = athens.spec;
    expect(spec).toMatchObject({ workingDays: [1, 2, 3, 4, 5], dayStart: "09:00", dayEnd: "17:00", country: "GR" });
  });

  it("a custom week and hours (Sunday to Thursday, 08:00-16:00)", () => {
    const cal = calendar({ timeZone: "Asia/Jerusalem", workingDays: [7, 1, 2, 3, 4], dayStart: "08:00", dayEnd: "16:00" });
    expect(cal.addWorkingMinutes(at("2026-05-14T15:00+03:00"), 120).toISOString()).toBe(at("2026-05-17T09:00+03:00").toISOString());
  });

  it("refuses to build an invalid spec", () => {
    expect(() => createBusinessCalendar({ ...athens.spec, timeZone: "Mars/Olympus" })).toThrow(/timeZone/);
  });
});
