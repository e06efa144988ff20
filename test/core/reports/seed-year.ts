/**
 * The seeded support year shared by the report tests: 52 tickets of 2026-09-01 … 2027-08-31 in groups
 * whose figures are worked out by hand in build-report.test.ts, plus two tickets just outside the year.
 */
import type { Tier } from "../../../src/core/config/labels.js";
import { defaultConfig } from "../../../src/core/config/index.js";
import type { ReportClock, ReportTicket } from "../../../src/core/reports/index.js";

// A readable ticket builder: a number, then only the fields a scenario cares about.
const DAY_MS = 86_400_000;
export const YEAR_START = new Date("2026-09-01T00:00:00Z"); // reportYearStart "09-01", year 2026
export const config = { ...defaultConfig(), reportYearStart: "09-01" };

export function ticket(number: number, fields: Partial<ReportTicket> = {}): ReportTicket {
  return {
    number,
    title: `Ticket ${number}`,
    createdAt: new Date(YEAR_START.getTime() + number * DAY_MS), // day `number` of the support year
    state: "closed",
    tiersEntered: ["L1"],
    partners: ["ATC"],
    outOfScope: false,
    clocks: [],
    effort: [],
    ...fields,
  };
}

export const answeredInTime = (tier: Tier, minutes: number): ReportClock => ({ tier, met: true, state: "answered", firstResponseWorkingMinutes: minutes, breachedOpen: false });
export const answeredLate = (tier: Tier, minutes: number): ReportClock => ({ tier, met: false, state: "answered", firstResponseWorkingMinutes: minutes, breachedOpen: false });
export const breachedUnanswered = (tier: Tier): ReportClock => ({ tier, met: false, state: "breached", breachedOpen: true });
export const runningInTime = (tier: Tier): ReportClock => ({ tier, state: "on track", breachedOpen: false });
export const effort = (partner: string, tier: Tier, minutes: number, at: string) => ({ partner, tier, minutes, at: new Date(at) });
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The 52 tickets of the support year 2026-09-01 … 2027-08-31, in groups:
//   A #1–#28  L1 only, answered in time after 5, 10, …, 140 working minutes; 60 min of L1 effort each
//   B #29–#32 L1 only, answered late after 200, 240, 300, 360 min; 120 min of L1 effort each
//   C #33–#42 L1 (answered in 60 min) → L2 answered after 20, 40, …, 200 min (200 > 180 target: late);
//             240 min of L2 effort each
//   D #43–#44 L1 (30 min) → L2 (90 min) → L3 answered in 480 / 960 min; L3 effort IMEC 960, TNO 1440
//   E #45–#47 high impact, straight to L3: #45 answered in 120 min (TNO 480 min effort),
//             #46 open and breached with no answer, #47 open and still within target (DV 240 min effort)
//   F #48–#50 out of scope, L1 answered in 15 min
//   G #51–#52 open in L1: #51 breached with no answer, #52 within target
export function seedYear(): ReportTicket[] {
  const a = range(1, 28).map((n) =>
    ticket(n, { clocks: [answeredInTime("L1", n * 5)], effort: [effort("ATC", "L1", 60, "2026-10-15T10:00:00Z")] }),
  );
  const lateMinutes = [200, 240, 300, 360];
  const b = range(29, 32).map((n, i) =>
    ticket(n, { clocks: [answeredLate("L1", lateMinutes[i] as number)], effort: [effort("ATC", "L1", 120, "2026-11-02T10:00:00Z")] }),
  );
  const c = range(33, 42).map((n, i) => {
    const l2Minutes = (i + 1) * 20;
    const l2 = l2Minutes <= 180 ? answeredInTime("L2", l2Minutes) : answeredLate("L2", l2Minutes);
    return ticket(n, { tiersEntered: ["L1", "L2"], finalTier: "L2", clocks: [answeredInTime("L1", 60), l2], effort: [effort("ATC", "L2", 240, "2027-01-10T10:00:00Z")] });
  });
  const escalated = (n: number, l3Minutes: number, partner: string, effortMinutes: number) =>
    ticket(n, {
      tiersEntered: ["L1", "L2", "L3"],
      finalTier: "L3",
      partners: [partner],
      clocks: [answeredInTime("L1", 30), answeredInTime("L2", 90), answeredInTime("L3", l3Minutes)],
      effort: [effort(partner, "L3", effortMinutes, "2027-02-01T10:00:00Z")],
    });
  const d = [escalated(43, 480, "IMEC", 960), escalated(44, 960, "TNO", 1440)];
  const high = { tiersEntered: ["L3"] as Tier[], finalTier: "L3" as Tier, impact: "high" as const };
  const e = [
    ticket(45, {
      ...high,
      partners: ["TNO"],
      component: "noise-modeller-athens-flanders",
      clocks: [answeredInTime("L3", 120)],
      effort: [
        effort("TNO", "L3", 480, "2027-03-01T10:00:00Z"),
        effort("TNO", "L3", 480, "2027-09-02T10:00:00Z"), // logged after the year: next year's budget
      ],
    }),
    ticket(46, { ...high, title: "Map | viewer down, ping @someone", state: "open", partners: ["VCS"], component: "vc-map-api", clocks: [breachedUnanswered("L3")] }),
    ticket(47, { ...high, state: "open", partners: ["DV"], clocks: [runningInTime("L3")], effort: [effort("DV", "L3", 240, "2027-03-05T10:00:00Z")] }),
  ];
  const f = range(48, 50).map((n) => ticket(n, { outOfScope: true, clocks: [answeredInTime("L1", 15)] }));
  const g = [
    ticket(51, { state: "open", title: "Dashboard empty", clocks: [breachedUnanswered("L1")] }),
    ticket(52, { state: "open", clocks: [runningInTime("L1")] }),
  ];
  return [...a, ...b, ...c, ...d, ...e, ...f, ...g];
}

// Outside the year: they change no ticket figure, but effort logged inside the year still counts.
export const beforeYear = ticket(100, {
  createdAt: new Date("2026-08-31T23:59:00Z"),
  tiersEntered: ["L1", "L3"],
  partners: ["KUL"],
  clocks: [breachedUnanswered("L1")],
  state: "open",
  effort: [effort("KUL", "L3", 60, "2026-08-31T23:59:30Z"), effort("KUL", "L3", 720, "2026-09-02T10:00:00Z")],
});
export const atNextYear = ticket(101, { createdAt: new Date("2027-09-01T00:00:00Z"), clocks: [answeredLate("L1", 999)] });

