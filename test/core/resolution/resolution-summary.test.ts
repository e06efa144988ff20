import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../../src/core/calendar/index.js";
import type { SlaClock } from "../../../src/core/clocks/index.js";
import { partnerCalendarSpec } from "../../../src/core/config/calendar-spec.js";
import { defaultConfig } from "../../../src/core/config/index.js";
import { readEffortLog, summariseResolution } from "../../../src/core/resolution/index.js";
import { renderMarker } from "../../../src/core/text/markers.js";

const config = defaultConfig();
const athens = createBusinessCalendar(partnerCalendarSpec(config, "ATC"));
const amsterdam = createBusinessCalendar(partnerCalendarSpec(config, "TNO"));
const calendarFor = (tier: string) => (tier === "L3" ? amsterdam : athens);

function clock(tier: SlaClock["tier"], enteredAt: string, o: Partial<SlaClock> = {}): SlaClock {
  return { tier, enteredAt: new Date(enteredAt), elapsedWorkingMinutes: 60, targetMinutes: 180, state: "answered", isPaused: false, pauseReasons: [], ...o };
}

const effort = (key: string, data: Record<string, unknown>) => `Logged.\n${renderMarker({ kind: "effort", key, data })}`;

describe("summariseResolution", () => {
  it.each([
    {
      description: "each tier's working time runs from entering it to leaving it, the last to the close",
      clocks: [clock("L1", "2026-11-24T08:00:00Z", { endedAt: new Date("2026-11-24T10:00:00Z"), met: true }), clock("L3", "2026-11-24T10:00:00Z", { met: true })],
      closedAt: "2026-11-25T10:00:00Z",
      timeInTier: [{ tier: "L1", workingMinutes: 120 }, { tier: "L3", workingMinutes: 6 * 60 + 2 * 60 }],
    },
    {
      description: "a tier entered twice adds up",
      clocks: [
        clock("L1", "2026-11-24T08:00:00Z", { endedAt: new Date("2026-11-24T09:00:00Z") }),
        clock("L2", "2026-11-24T09:00:00Z", { endedAt: new Date("2026-11-24T10:00:00Z") }),
        clock("L1", "2026-11-24T10:00:00Z"),
      ],
      closedAt: "2026-11-24T10:30:00Z",
      timeInTier: [{ tier: "L1", workingMinutes: 90 }, { tier: "L2", workingMinutes: 60 }],
    },
    {
      description: "nights and the weekend do not count",
      clocks: [clock("L2", "2026-11-27T14:00:00Z")],
      closedAt: "2026-11-30T08:00:00Z",
      timeInTier: [{ tier: "L2", workingMinutes: 60 + 60 }],
    },
  ])("$description", ({ clocks, closedAt, timeInTier }) => {
    expect(summariseResolution({ clocks, closedAt: new Date(closedAt), calendarFor, appCommentBodies: [] }).timeInTier).toEqual(timeInTier);
  });

  it.each([
    { description: "answered within target is met", met: true, result: "met" },
    { description: "unanswered past target is missed, even after it ended", met: false, result: "missed" },
    { description: "neither answered nor past target is not answered", met: undefined, result: "unanswered" },
  ])("$description", ({ met, result }) => {
    const summary = summariseResolution({ clocks: [clock("L2", "2026-11-24T08:00:00Z", { ...(met !== undefined && { met }) })], closedAt: new Date("2026-11-24T09:00:00Z"), calendarFor, appCommentBodies: [] });
    expect(summary.clocks[0]!.result).toBe(result);
  });

  it("adds up effort per partner and tier, in tier order", () => {
    const summary = summariseResolution({
      clocks: [],
      closedAt: new Date("2026-11-24T09:00:00Z"),
      calendarFor,
      appCommentBodies: [
        effort("3", { partner: "TNO", minutes: 240, tier: "L3" }),
        effort("1", { partner: "ATC", minutes: 90, tier: "L2" }),
        effort("2", { partner: "TNO", minutes: 60, tier: "L3" }) + effort("2-2", { partner: "ATC", minutes: 30, tier: "L2" }),
      ],
    });
    expect(summary.effort).toEqual([{ partner: "ATC", tier: "L2", minutes: 120 }, { partner: "TNO", tier: "L3", minutes: 300 }]);
    expect(summary.totalEffortMinutes).toBe(420);
  });
});

describe("readEffortLog", () => {
  it.each([
    { description: "a marker read twice counts once", bodies: [effort("7", { partner: "ATC", minutes: 30, tier: "L1" }), effort("7", { partner: "ATC", minutes: 30, tier: "L1" })], minutes: [30] },
    { description: "negative minutes are skipped", bodies: [effort("7", { partner: "ATC", minutes: -30, tier: "L1" })], minutes: [] },
    { description: "an unknown tier is skipped", bodies: [effort("7", { partner: "ATC", minutes: 30, tier: "L4" })], minutes: [] },
    { description: "other markers are not effort", bodies: [`x ${renderMarker({ kind: "reply", key: "7", data: { partner: "ATC", minutes: 30, tier: "L1" } })}`], minutes: [] },
    { description: "a marker without a key is skipped", bodies: [`x ${renderMarker({ kind: "effort", data: { partner: "ATC", minutes: 30, tier: "L1" } })}`], minutes: [] },
  ])("$description", ({ bodies, minutes }) => {
    expect(readEffortLog(bodies).map((e) => e.minutes)).toEqual(minutes);
  });
});
