import { describe, expect, it } from "vitest";
import { createBusinessCalendar, validateCalendarSpec } from "../../../src/core/calendar/index.js";
import type { Actor, ClockRules, TicketEvent } from "../../../src/core/clocks/index.js";
import { LABELS } from "../../../src/core/config/labels.js";
import { type SnapshotTicket, toReportTicket } from "../../../src/core/reports/from-snapshot.js";
import { renderMarker } from "../../../src/core/text/markers.js";

const spec = validateCalendarSpec({ timeZone: "Europe/Athens", country: "GR" });
if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
const athens = createBusinessCalendar(spec.value);

const person = (login: string, hasWriteAccess = false): Actor => ({ login, isBot: false, hasWriteAccess });
const desk = person("desk-ana", true);
const imecJan = person("imec-jan"); // in the L3 team, no write access
const reporter = person("city-maria");
const app: Actor = { login: "duet-support", isBot: true, hasWriteAccess: true };

const rules: ClockRules = {
  targetMinutes: { L1: 180, L2: 180, L3: 960 },
  warnAtRatio: 0.75,
  calendarFor: () => athens,
  isResponder: (actor, tier) => actor.hasWriteAccess || (tier === "L3" && actor.login === "imec-jan"),
};

// Monday 11 May 2026, Athens time (+03:00): the working day runs 09:00–17:00.
const at = (time: string, day = "2026-05-11") => new Date(`${day}T${time}:00+03:00`);
const labeled = (time: string, label: string): TicketEvent => ({ kind: "labeled", label, at: at(time), actor: app });
const unlabeled = (time: string, label: string): TicketEvent => ({ kind: "unlabeled", label, at: at(time), actor: app });
const comment = (time: string, author: Actor, body = "Looking into it", day?: string): TicketEvent => ({ kind: "comment", at: at(time, day), author, body });
const effortMarker = (key: string, data: Record<string, unknown>) => renderMarker({ kind: "effort", key, data });
const NOW = at("12:00", "2026-05-20");

function snapshot(fields: Partial<SnapshotTicket> & { events?: TicketEvent[] } = {}): SnapshotTicket {
  const { events = [], ...rest } = fields;
  const createdAt = rest.createdAt ?? at("09:00");
  return {
    number: 7,
    title: "Map is blank",
    state: "closed",
    createdAt,
    labels: [LABELS.tier("L1")],
    history: { number: 7, createdAt, reporter: "city-maria", events },
    ...rest,
  };
}

describe("tiers a ticket entered", () => {
  it.each([
    {
      description: "escalated L1 → L2 → L3 entered all three and ends in L3",
      labels: [LABELS.tier("L3")],
      events: [labeled("09:00", LABELS.tier("L1")), labeled("10:00", LABELS.tier("L2")), unlabeled("10:00", LABELS.tier("L1")), labeled("11:00", LABELS.tier("L3")), unlabeled("11:00", LABELS.tier("L2"))],
      tiersEntered: ["L1", "L2", "L3"],
      finalTier: "L3",
    },
    {
      description: "high impact straight to L3 entered only L3",
      labels: [LABELS.tier("L3")],
      events: [labeled("09:00", LABELS.tier("L3"))],
      tiersEntered: ["L3"],
      finalTier: "L3",
    },
    {
      description: "a tier label with its event cut off the timeline still counts",
      labels: [LABELS.tier("L2")],
      events: [labeled("09:00", LABELS.tier("L1"))],
      tiersEntered: ["L1", "L2"],
      finalTier: "L2",
    },
    {
      description: "an untriaged ticket entered no tier",
      labels: [],
      events: [],
      tiersEntered: [],
      finalTier: undefined,
    },
    {
      description: "sent back from L2 to L1, the final tier is L1",
      labels: [LABELS.tier("L1")],
      events: [labeled("09:00", LABELS.tier("L1")), labeled("10:00", LABELS.tier("L2")), unlabeled("10:00", LABELS.tier("L1")), labeled("11:00", LABELS.tier("L1")), unlabeled("11:00", LABELS.tier("L2"))],
      tiersEntered: ["L1", "L2"],
      finalTier: "L1",
    },
  ])("$description", ({ labels, events, tiersEntered, finalTier }) => {
    const ticket = toReportTicket(snapshot({ labels, events }), rules, NOW);
    expect(ticket.tiersEntered).toEqual(tiersEntered);
    expect(ticket.finalTier).toBe(finalTier);
  });
});

describe("response clocks as the report counts them", () => {
  it.each([
    {
      description: "answered by the desk after 90 working minutes: met, 90 min",
      state: "closed" as const,
      events: [labeled("09:00", LABELS.tier("L1")), comment("10:30", desk)],
      clocks: [{ tier: "L1", met: true, state: "answered", firstResponseWorkingMinutes: 90, breachedOpen: false }],
    },
    {
      description: "answered the next morning after 16:00 → 10:00: 60 + 60 = 120 working minutes",
      state: "closed" as const,
      createdAt: at("16:00"),
      events: [labeled("16:00", LABELS.tier("L1")), comment("10:00", desk, "On it", "2026-05-12")],
      clocks: [{ tier: "L1", met: true, state: "answered", firstResponseWorkingMinutes: 120, breachedOpen: false }],
    },
    {
      description: "answered after 200 working minutes: missed, still timed",
      state: "closed" as const,
      events: [labeled("09:00", LABELS.tier("L1")), comment("12:20", desk)],
      clocks: [{ tier: "L1", met: false, state: "answered", firstResponseWorkingMinutes: 200, breachedOpen: false }],
    },
    {
      description: "the reporter's own comment is no response: open and breached",
      state: "open" as const,
      events: [labeled("09:00", LABELS.tier("L1")), comment("09:30", reporter)],
      clocks: [{ tier: "L1", met: false, state: "breached", breachedOpen: true }],
    },
    {
      description: "unanswered past target but closed: missed, not an open breach",
      state: "closed" as const,
      events: [labeled("09:00", LABELS.tier("L1")), { kind: "closed", at: at("09:00", "2026-05-13"), actor: desk, reason: "completed" } as TicketEvent],
      clocks: [{ tier: "L1", met: false, state: "closed", breachedOpen: false }],
    },
    {
      description: "paused waiting on the reporter within target: undecided",
      state: "open" as const,
      events: [labeled("09:00", LABELS.tier("L1")), labeled("09:30", LABELS.needsInfo)],
      clocks: [{ tier: "L1", state: "paused", breachedOpen: false }],
    },
    {
      description: "L3 answered by a partner team member (no write access) after 120 minutes",
      state: "closed" as const,
      labels: [LABELS.tier("L3")],
      events: [labeled("09:00", LABELS.tier("L3")), comment("11:00", imecJan)],
      clocks: [{ tier: "L3", met: true, state: "answered", firstResponseWorkingMinutes: 120, breachedOpen: false }],
    },
  ])("$description", ({ state, events, clocks, createdAt, labels }) => {
    const ticket = toReportTicket(snapshot({ state, events, ...(createdAt && { createdAt }), ...(labels && { labels }) }), rules, NOW);
    expect(ticket.clocks).toEqual(clocks);
  });
});

describe("effort read back from the app's markers", () => {
  const l1 = labeled("09:00", LABELS.tier("L1"));

  it.each([
    {
      description: "one /effort: its partner, tier and minutes, dated by the app's comment",
      comments: [comment("11:00", app, `Logged 1 h 30 min. ${effortMarker("501", { partner: "ATC", minutes: 90, tier: "L1", by: "desk-ana" })}`)],
      effort: [{ partner: "ATC", tier: "L1", minutes: 90, at: at("11:00") }],
    },
    {
      description: "two /effort lines in one comment (keys 501 and 501-2) both count",
      comments: [
        comment("11:00", app, effortMarker("501", { partner: "ATC", minutes: 30, tier: "L1" }) + effortMarker("501-2", { partner: "ATC", minutes: 45, tier: "L1" })),
      ],
      effort: [
        { partner: "ATC", tier: "L1", minutes: 30, at: at("11:00") },
        { partner: "ATC", tier: "L1", minutes: 45, at: at("11:00") },
      ],
    },
    {
      description: "the same reply posted twice (a redelivery) counts once",
      comments: [
        comment("11:00", app, effortMarker("501", { partner: "ATC", minutes: 60, tier: "L1" })),
        comment("11:01", app, effortMarker("501", { partner: "ATC", minutes: 60, tier: "L1" })),
      ],
      effort: [{ partner: "ATC", tier: "L1", minutes: 60, at: at("11:00") }],
    },
    {
      description: "a marker typed by a person is not effort",
      comments: [comment("11:00", desk, effortMarker("900", { partner: "TNO", minutes: 6000, tier: "L3" }))],
      effort: [],
    },
    {
      description: "malformed data (no partner, negative minutes, unknown tier) is skipped",
      comments: [
        comment("11:00", app, effortMarker("1", { minutes: 60, tier: "L1" })),
        comment("11:01", app, effortMarker("2", { partner: "ATC", minutes: -60, tier: "L1" })),
        comment("11:02", app, effortMarker("3", { partner: "ATC", minutes: 60, tier: "L4" })),
      ],
      effort: [],
    },
  ])("$description", ({ comments, effort }) => {
    expect(toReportTicket(snapshot({ events: [l1, ...comments] }), rules, NOW).effort).toEqual(effort);
  });
});

describe("labels the report groups by", () => {
  it("reads impact, component, partners and out-of-scope from the labels", () => {
    const labels = [LABELS.tier("L3"), LABELS.impact("high"), LABELS.component("vc-map-api"), LABELS.partner("VCS"), LABELS.partner("ATC"), LABELS.outOfScope];
    const ticket = toReportTicket(snapshot({ labels, events: [labeled("09:00", LABELS.tier("L3"))] }), rules, NOW);
    expect(ticket).toMatchObject({ impact: "high", component: "vc-map-api", partners: ["VCS", "ATC"], outOfScope: true });
  });

  it("leaves them out when the labels are missing", () => {
    const ticket = toReportTicket(snapshot(), rules, NOW);
    expect(ticket).toMatchObject({ partners: [], outOfScope: false });
    expect(ticket.impact).toBeUndefined();
    expect(ticket.component).toBeUndefined();
  });
});
