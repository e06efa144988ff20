import { describe, expect, it } from "vitest";
import { type CalendarSpecInput, formatLocal, validateCalendarSpec } from "../../../src/core/calendar/index.js";

const valid: CalendarSpecInput = { timeZone: "Europe/Athens", country: "GR" };

describe("validateCalendarSpec", () => {
  it.each([
    ["an unknown time zone", { timeZone: "Europe/Atlantis" }, "timeZone"],
    ["an unknown country", { country: "XX" }, "country"],
    ["an unknown region", { timeZone: "Europe/Berlin", country: "DE", region: "ZZ" }, "region"],
    ["a region without a country", { country: undefined, region: "BY" }, "region"],
    ["dayEnd before dayStart", { dayStart: "17:00", dayEnd: "09:00" }, "dayEnd"],
    ["dayEnd equal to dayStart", { dayStart: "09:00", dayEnd: "09:00" }, "dayEnd"],
    ["a malformed dayStart", { dayStart: "9am" }, "dayStart"],
    ["an hour past 23", { dayEnd: "25:00" }, "dayEnd"],
    ["no working days", { workingDays: [] }, "workingDays"],
    ["a weekday out of range", { workingDays: [1, 8] }, "workingDays[1]"],
    ["an impossible extra holiday", { extraHolidays: ["2026-01-01", "2026-02-30"] }, "extraHolidays[1]"],
    ["a closure with a bad start", { closures: [{ from: "Aug 3", to: "2026-08-14" }] }, "closures[0].from"],
    ["a closure ending before it starts", { closures: [{ from: "2026-08-14", to: "2026-08-03" }] }, "closures[0]"],
  ])("names the field for %s", (_description, change, where) => {
    const result = validateCalendarSpec({ ...valid, ...change } as CalendarSpecInput);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.where)).toContain(where);
  });

  it.each([
    ["the plan's ATC calendar", valid],
    ["a German state", { timeZone: "Europe/Berlin", country: "de", region: "by" }],
    ["no public holidays", { timeZone: "UTC" }],
    ["a six-day week with closures", { ...valid, workingDays: [1, 2, 3, 4, 5, 6], closures: [{ from: "2026-08-03", to: "2026-08-03" }] }],
  ])("accepts %s", (_description, input) => {
    expect(validateCalendarSpec(input as CalendarSpecInput).ok).toBe(true);
  });
});

describe("formatLocal", () => {
  it.each([
    ["Athens in winter", "2026-12-01T10:00:00Z", "Europe/Athens", "Tue 1 Dec 2026, 12:00 EET (Europe/Athens)"],
    ["Athens in summer", "2026-09-15T06:05:00Z", "Europe/Athens", "Tue 15 Sep 2026, 09:05 EEST (Europe/Athens)"],
    ["Brussels in summer", "2026-07-21T07:00:00Z", "Europe/Brussels", "Tue 21 Jul 2026, 09:00 CEST (Europe/Brussels)"],
  ])("%s", (_description, instant, zone, expected) => {
    expect(formatLocal(new Date(instant), zone)).toBe(expected);
  });
});
