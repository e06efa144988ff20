import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createBusinessCalendar, validateCalendarSpec } from "../../../src/core/calendar/index.js";

// Public holidays of 2026 written out by hand, so the oracle does not reuse date-holidays.
const cases = [
  {
    name: "Athens (GR) with an extra holiday and a closure",
    input: {
      timeZone: "Europe/Athens",
      country: "GR",
      extraHolidays: ["2026-05-18"],
      closures: [{ from: "2026-08-03", to: "2026-08-14" }],
    },
    closed: [
      ...["01-01", "01-06", "02-23", "03-25", "04-10", "04-13", "05-01", "06-01", "08-15", "10-28", "12-25", "12-26"],
      ...["05-18", "08-03", "08-04", "08-05", "08-06", "08-07", "08-10", "08-11", "08-12", "08-13", "08-14"],
    ].map((day) => `2026-${day}`),
  },
  {
    name: "Brussels (BE)",
    input: { timeZone: "Europe/Brussels", country: "BE" },
    closed: ["01-01", "04-06", "05-01", "05-14", "05-25", "07-21", "08-15", "11-01", "11-11", "12-25"].map((d) => `2026-${d}`),
  },
];

const MINUTE = 60_000;

describe.each(cases)("business calendar of $name", ({ input, closed }) => {
  const spec = validateCalendarSpec(input);
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  const cal = createBusinessCalendar(spec.value);
  const closedDays = new Set(closed);

  /** The rule in plain words: a weekday, 09:00-17:00 local wall clock, not a closed date. */
  const isWorkingMinute = (instant: Date): boolean => {
    const local = DateTime.fromJSDate(instant, { zone: input.timeZone });
    const minuteOfDay = local.hour * 60 + local.minute;
    return local.weekday <= 5 && minuteOfDay >= 9 * 60 && minuteOfDay < 17 * 60 && !closedDays.has(local.toISODate() ?? "");
  };

  // Two years around the 2026 calendar, so year ends and both DST changes are inside.
  const instant = fc.date({ min: new Date("2025-10-01T00:00:00Z"), max: new Date("2027-03-31T00:00:00Z"), noInvalidDate: true });
  const instantIn2026 = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2026-12-31T20:00:00Z"), noInvalidDate: true });
  const sorted = (dates: Date[]) => [...dates].sort((x, y) => x.getTime() - y.getTime());

  it("is additive: between(a,c) = between(a,b) + between(b,c)", () => {
    fc.assert(
      fc.property(instant, instant, instant, (...dates) => {
        const [a, b, c] = sorted(dates) as [Date, Date, Date];
        expect(cal.workingMinutesBetween(a, c)).toBe(cal.workingMinutesBetween(a, b) + cal.workingMinutesBetween(b, c));
      }),
    );
  });

  it("is monotonic and never more than the wall-clock minutes", () => {
    fc.assert(
      fc.property(instant, instant, instant, (...dates) => {
        const [a, b, c] = sorted(dates) as [Date, Date, Date];
        expect(cal.workingMinutesBetween(a, b)).toBeLessThanOrEqual(cal.workingMinutesBetween(a, c));
        expect(cal.workingMinutesBetween(b, c)).toBeLessThanOrEqual(cal.workingMinutesBetween(a, c));
        expect(cal.workingMinutesBetween(a, c)).toBeLessThanOrEqual(Math.ceil((c.getTime() - a.getTime()) / MINUTE));
      }),
    );
  });

  it("counts a minute exactly when it is a weekday working hour outside holidays and closures", () => {
    fc.assert(
      fc.property(instantIn2026, (t) => {
        const minute = new Date(Math.floor(t.getTime() / MINUTE) * MINUTE);
        const expected = isWorkingMinute(minute);
        expect(cal.workingMinutesBetween(minute, new Date(minute.getTime() + MINUTE))).toBe(expected ? 1 : 0);
        expect(cal.isWorkingTime(t)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("every day of 2026 has 480 minutes on a working weekday and none otherwise, at 09:00-17:00 local", () => {
    for (let day = DateTime.fromISO("2026-01-01", { zone: input.timeZone }); day.year === 2026; day = day.plus({ days: 1 })) {
      const isOpen = day.weekday <= 5 && !closedDays.has(day.toISODate() ?? "");
      const wall = (hour: number, minute: number) => day.set({ hour, minute }).toJSDate();
      const label = day.toISODate();
      expect([label, cal.workingMinutesBetween(day.toJSDate(), day.plus({ days: 1 }).toJSDate())]).toEqual([label, isOpen ? 480 : 0]);
      expect([label, cal.isWorkingTime(wall(8, 59)), cal.isWorkingTime(wall(9, 0))]).toEqual([label, false, isOpen]);
      expect([label, cal.isWorkingTime(wall(16, 59)), cal.isWorkingTime(wall(17, 0))]).toEqual([label, isOpen, false]);
    }
  });

  it("finds each working minute on a working minute: between(a, add(a, n)) = n", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5_000 }), (a, n) => {
        const due = cal.addWorkingMinutes(a, n);
        expect(cal.workingMinutesBetween(a, due)).toBe(n);
        if (n > 0) {
          // The result is the end of the n-th minute: the minute before it was worked.
          expect(isWorkedMinute(cal, new Date(due.getTime() - MINUTE))).toBe(true);
          expect(cal.workingMinutesBetween(a, new Date(due.getTime() - MINUTE))).toBe(n - 1);
        }
      }),
    );
  });
});

function isWorkedMinute(cal: ReturnType<typeof createBusinessCalendar>, minute: Date): boolean {
  return cal.workingMinutesBetween(minute, new Date(minute.getTime() + MINUTE)) === 1 && cal.isWorkingTime(minute);
}
