import { describe, expect, it } from "vitest";
import { type BoardFields, EMPTY_BOARD_FIELDS, boardFieldsOf, fieldChanges } from "../../../src/core/board/index.js";
import type { SlaClock } from "../../../src/core/clocks/index.js";

function clock(overrides: Partial<SlaClock> = {}): SlaClock {
  return {
    tier: "L1",
    enteredAt: new Date("2026-11-26T08:00:00Z"),
    elapsedWorkingMinutes: 30,
    targetMinutes: 180,
    dueAt: new Date("2026-11-26T22:30:00Z"),
    state: "on track",
    isPaused: false,
    pauseReasons: [],
    ...overrides,
  };
}

const labels = ["tier: L1", "impact: medium", "component: message-broker", "partner: ATC"];

describe("boardFieldsOf", () => {
  it.each<[string, { labels: string[]; state: "open" | "closed" }, SlaClock | undefined, string, Partial<BoardFields>]>([
    [
      "a triaged ticket shows its labels, the clock's state and the due day in the team's zone",
      { labels, state: "open" },
      clock(),
      "Europe/Athens",
      { tier: "L1", impact: "medium", component: "message-broker", partner: "ATC", slaState: "on track", responseDue: "2026-11-27" },
    ],
    ["the same deadline is still the 26th in Brussels", { labels, state: "open" }, clock(), "Europe/Brussels", { responseDue: "2026-11-26" }],
    ["a warning keeps its due date", { labels, state: "open" }, clock({ state: "warning" }), "UTC", { slaState: "warning", responseDue: "2026-11-26" }],
    ["a breach shows the day it was due", { labels, state: "open" }, clock({ state: "breached" }), "UTC", { slaState: "breached", responseDue: "2026-11-26" }],
    ["a paused clock has no due date", { labels, state: "open" }, clock({ state: "paused", isPaused: true, dueAt: undefined }), "UTC", { slaState: "paused", responseDue: null }],
    ["an answered ticket has no due date", { labels, state: "open" }, clock({ state: "answered" }), "UTC", { slaState: "answered", responseDue: null }],
    ["a closed issue reads closed whatever its clock says", { labels, state: "closed" }, clock({ state: "breached" }), "UTC", { slaState: "closed", responseDue: null }],
    ["a closed issue with no clock still reads closed", { labels: [], state: "closed" }, undefined, "UTC", { tier: null, slaState: "closed" }],
    ["an untriaged issue has no tier and no state", { labels: ["source: web-form"], state: "open" }, undefined, "UTC", EMPTY_BOARD_FIELDS],
    ["a superseded clock is never shown", { labels, state: "open" }, clock({ state: "superseded" }), "UTC", { slaState: null, responseDue: null }],
    ["the clock's tier wins over an older tier label", { labels: ["tier: L2", "tier: L3"], state: "open" }, clock({ tier: "L3" }), "UTC", { tier: "L3" }],
    [
      "several partners and components read as one sorted text",
      { labels: ["partner: IMEC", "partner: ATC", "component: model-catalogue", "component: data-catalogue"], state: "open" },
      undefined,
      "UTC",
      { partner: "ATC, IMEC", component: "data-catalogue, model-catalogue" },
    ],
  ])("%s", (_description, ticket, current, timeZone, expected) => {
    expect(boardFieldsOf(ticket, current, timeZone)).toMatchObject(expected);
  });
});

describe("fieldChanges", () => {
  const wanted: BoardFields = { tier: "L2", impact: "low", component: "glayer", partner: "P4ALL", slaState: "on track", responseDue: "2026-12-01" };

  it.each<[string, Partial<BoardFields>, BoardFields, { key: string; value: string | null }[]]>([
    ["nothing when the card already shows the labels", wanted, wanted, []],
    ["a new card gets every filled field and no clears", {}, { ...EMPTY_BOARD_FIELDS, tier: "L1", slaState: "on track" }, [
      { key: "tier", value: "L1" },
      { key: "slaState", value: "on track" },
    ]],
    ["an escalation changes the tier, the state and the due date", wanted, { ...wanted, tier: "L3", slaState: "on track", responseDue: "2026-12-03" }, [
      { key: "tier", value: "L3" },
      { key: "responseDue", value: "2026-12-03" },
    ]],
    ["a field that empties is cleared", wanted, { ...wanted, responseDue: null, slaState: "paused" }, [
      { key: "slaState", value: "paused" },
      { key: "responseDue", value: null },
    ]],
    ["an empty field that should stay empty is left alone", { ...wanted, component: undefined }, { ...wanted, component: null }, []],
  ])("%s", (_description, current, target, expected) => {
    expect(fieldChanges(current, target)).toEqual(expected);
  });
});
