import { describe, expect, it } from "vitest";
import { createBusinessCalendar, validateCalendarSpec } from "../../../src/core/calendar/index.js";
import { LABELS, type Tier } from "../../../src/core/config/labels.js";
import { type Actor, type ClockRules, type SlaClock, type TicketEvent, currentClock, deriveClocks } from "../../../src/core/clocks/index.js";

function calendar(timeZone: string, country: string) {
  const spec = validateCalendarSpec({ timeZone, country });
  if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
  return createBusinessCalendar(spec.value);
}

const atc = calendar("Europe/Athens", "GR");
const imec = calendar("Europe/Brussels", "BE");

const person = (login: string, hasWriteAccess = false): Actor => ({ login, isBot: false, hasWriteAccess });
const deskAna = person("desk-ana", true); // ATC desk, write access
const deskNikos = person("desk-nikos"); // ATC desk team, no write access
const imecJan = person("imec-jan"); // IMEC team, owns the L3 component here
const reporter = person("city-maria");
const maintainer = person("maintainer-kostas", true);
const outsider = person("passer-by");
const bot: Actor = { login: "duet-support[bot]", isBot: true, hasWriteAccess: true };

const teams: Record<Tier, string[]> = { L1: ["desk-ana", "desk-nikos"], L2: ["desk-ana", "desk-nikos"], L3: ["imec-jan"] };
const rules: ClockRules = {
  targetMinutes: { L1: 180, L2: 180, L3: 960 },
  warnAtRatio: 0.75,
  calendarFor: (tier) => (tier === "L3" ? imec : atc),
  isResponder: (actor, tier) => actor.hasWriteAccess || teams[tier].includes(actor.login),
};

// Monday 11 May 2026 in Athens (EEST, +03:00); Brussels is an hour behind.
const t = (time: string, day = "2026-05-11") => new Date(`${day}T${time}:00+03:00`);
const label = (time: string, name: string, actor = bot): TicketEvent => ({ kind: "labeled", label: name, at: t(time), actor });
const unlabel = (time: string, name: string, actor = bot): TicketEvent => ({ kind: "unlabeled", label: name, at: t(time), actor });
const close = (time: string, actor = deskAna): TicketEvent => ({ kind: "closed", at: t(time), actor, reason: "completed" });
const reopen = (time: string, actor = reporter): TicketEvent => ({ kind: "reopened", at: t(time), actor });
const comment = (time: string, author: Actor, day?: string): TicketEvent => ({ kind: "comment", at: t(time, day), author, body: "…" });
const L1 = LABELS.tier("L1");
const L2 = LABELS.tier("L2");
const L3 = LABELS.tier("L3");

/** What a person reads off a clock; undefined fields spelled out so a table row can assert them. */
function summary(clock: SlaClock) {
  return {
    tier: clock.tier,
    enteredAt: clock.enteredAt.toISOString(),
    endedAt: clock.endedAt?.toISOString() ?? "open",
    firstResponseAt: clock.firstResponseAt?.toISOString() ?? "none",
    elapsed: clock.elapsedWorkingMinutes,
    target: clock.targetMinutes,
    dueAt: clock.dueAt?.toISOString() ?? "none",
    state: clock.state,
    isPaused: clock.isPaused,
    pauseReasons: clock.pauseReasons,
    met: clock.met ?? "undecided",
  };
}
const iso = (time: string, day?: string) => t(time, day).toISOString();

interface Row {
  description: string;
  events: TicketEvent[];
  now: Date;
  expected: Partial<ReturnType<typeof summary>>[];
  filedBy?: Actor;
  filedAt?: Date;
}

const filed = t("10:00");
const rows: Row[] = [
  {
    description: "entering L1 at creation: the clock counts from the filing, not the label",
    events: [label("10:30", L1)],
    now: t("11:00"),
    expected: [{ tier: "L1", enteredAt: iso("10:00"), elapsed: 60, target: 180, state: "on track", dueAt: iso("13:00"), met: "undecided" }],
  },
  {
    description: "a tier a person sets by hand two days after the filing starts the clock then, not at the filing",
    events: [{ ...label("10:00", L1, deskAna), at: t("10:00", "2026-05-13") }],
    now: t("10:30", "2026-05-13"),
    expected: [{ tier: "L1", enteredAt: iso("10:00", "2026-05-13"), elapsed: 30, state: "on track", dueAt: iso("13:00", "2026-05-13") }],
  },
  {
    description: "a weekend does not count: filed Friday 16:00, due Monday 11:00",
    filedAt: t("16:00", "2026-05-15"),
    events: [{ ...label("16:00", L1), at: t("16:00", "2026-05-15") }],
    now: t("10:00", "2026-05-18"),
    expected: [{ elapsed: 120, state: "on track", dueAt: iso("11:00", "2026-05-18") }],
  },
  {
    description: "high impact enters L3 at creation on the owner's calendar",
    events: [label("10:00", L3)],
    now: t("10:00", "2026-05-12"),
    expected: [{ tier: "L3", enteredAt: iso("10:00"), elapsed: 480, target: 960, state: "on track" }],
  },
  {
    description: "escalation to L3 ends an answered L1 clock and starts a new clock on the owner's calendar",
    events: [label("10:00", L1), comment("10:30", deskAna), unlabel("11:00", L1), label("11:00", L3)],
    // Tuesday 09:30 Athens is 08:30 Brussels: the IMEC day has not started yet.
    now: t("09:30", "2026-05-12"),
    expected: [
      { tier: "L1", endedAt: iso("11:00"), firstResponseAt: iso("10:30"), elapsed: 30, state: "answered", met: true },
      { tier: "L3", enteredAt: iso("11:00"), endedAt: "open", elapsed: 420, state: "on track", dueAt: iso("11:00", "2026-05-13") },
    ],
  },
  {
    description: "leaving L1 unanswered before its target supersedes it, neither met nor missed",
    events: [label("10:00", L1), label("11:00", L2), unlabel("11:00", L1)],
    now: t("12:00"),
    expected: [
      { tier: "L1", endedAt: iso("11:00"), elapsed: 60, state: "superseded", met: "undecided", dueAt: "none" },
      { tier: "L2", enteredAt: iso("11:00"), elapsed: 60, state: "on track" },
    ],
  },
  {
    description: "removing the tier label ends its clock; a later tier label starts a new one",
    events: [label("10:00", L1), unlabel("10:00", L1, deskAna), { ...label("10:00", L2, deskAna), at: t("10:00", "2026-05-12") }],
    now: t("11:00", "2026-05-12"),
    expected: [
      { tier: "L1", endedAt: iso("10:00"), elapsed: 0, state: "superseded", met: "undecided" },
      { tier: "L2", enteredAt: iso("10:00", "2026-05-12"), elapsed: 60 },
    ],
  },
  {
    description: "an L1 clock left a day later had breached: superseded and missed",
    events: [label("10:00", L1), { ...unlabel("10:00", L1), at: t("10:00", "2026-05-12") }, { ...label("10:00", L2), at: t("10:00", "2026-05-12") }],
    now: t("11:00", "2026-05-12"),
    expected: [
      { tier: "L1", elapsed: 480, state: "superseded", met: false },
      { tier: "L2", elapsed: 60, state: "on track" },
    ],
  },
  {
    description: "status: needs-info pauses the clock (waiting on the reporter)",
    events: [label("10:00", L1), label("10:30", LABELS.needsInfo)],
    now: t("16:00"),
    expected: [{ elapsed: 30, state: "paused", isPaused: true, pauseReasons: ["reporter"], dueAt: "none" }],
  },
  {
    description: "removing status: needs-info resumes the clock",
    events: [label("10:00", L1), label("10:30", LABELS.needsInfo), unlabel("14:00", LABELS.needsInfo)],
    now: t("15:00"),
    expected: [{ elapsed: 90, state: "on track", isPaused: false, pauseReasons: [], dueAt: iso("16:30") }],
  },
  {
    description: "status: external pauses the clock (waiting on an external service)",
    events: [label("10:00", L1), label("10:30", LABELS.external)],
    now: t("16:00"),
    expected: [{ elapsed: 30, state: "paused", pauseReasons: ["external"] }],
  },
  {
    description: "removing status: external resumes the clock",
    events: [label("10:00", L1), label("10:30", LABELS.external), unlabel("14:00", LABELS.external)],
    now: t("15:00"),
    expected: [{ elapsed: 90, state: "on track", isPaused: false }],
  },
  {
    description: "both status labels: paused until both are gone",
    events: [label("10:00", L1), label("10:30", LABELS.needsInfo), label("11:00", LABELS.external), unlabel("12:00", LABELS.needsInfo)],
    now: t("16:00"),
    expected: [{ elapsed: 30, state: "paused", pauseReasons: ["external"] }],
  },
  {
    description: "a closed issue has no running clock",
    events: [label("10:00", L1), close("10:30")],
    now: t("16:00"),
    expected: [{ elapsed: 30, state: "closed", isPaused: true, pauseReasons: ["closed"], dueAt: "none", met: "undecided" }],
  },
  {
    description: "reopening resumes the clock",
    events: [label("10:00", L1), close("10:30"), reopen("14:00")],
    now: t("15:00"),
    expected: [{ elapsed: 90, state: "on track", isPaused: false }],
  },
  {
    description: "a bot comment is not a response",
    events: [label("10:00", L1), comment("10:05", bot)],
    now: t("11:00"),
    expected: [{ firstResponseAt: "none", elapsed: 60, state: "on track" }],
  },
  {
    description: "the reporter's comment is not a response, even with write access",
    events: [label("10:00", L1), comment("10:05", maintainer)],
    filedBy: maintainer,
    now: t("11:00"),
    expected: [{ firstResponseAt: "none", elapsed: 60, state: "on track" }],
  },
  {
    description: "the reporter's login matches whatever its case",
    events: [label("10:00", L1), comment("10:05", { ...maintainer, login: "Maintainer-Kostas" })],
    filedBy: maintainer,
    now: t("11:00"),
    expected: [{ firstResponseAt: "none", state: "on track" }],
  },
  {
    description: "a comment by someone outside the team without write access is not a response",
    events: [label("10:00", L1), comment("10:05", outsider)],
    now: t("11:00"),
    expected: [{ firstResponseAt: "none", state: "on track" }],
  },
  {
    description: "a team member's comment is the response, even without write access",
    events: [label("10:00", L1), comment("10:20", deskNikos), comment("10:40", deskAna)],
    now: t("16:00"),
    expected: [{ firstResponseAt: iso("10:20"), elapsed: 20, state: "answered", met: true, dueAt: "none" }],
  },
  {
    description: "a member of another tier's team does not answer the L3 clock",
    events: [label("10:00", L3), comment("11:00", deskNikos), comment("12:00", imecJan)],
    now: t("16:00"),
    expected: [{ tier: "L3", firstResponseAt: iso("12:00"), elapsed: 120, state: "answered", met: true }],
  },
  {
    description: "someone with write access answers any tier",
    events: [label("10:00", L3), comment("11:00", deskAna)],
    now: t("16:00"),
    expected: [{ tier: "L3", firstResponseAt: iso("11:00"), state: "answered" }],
  },
  {
    description: "a response before the tier label still answers: the clock started at filing",
    events: [comment("10:10", deskAna), label("10:30", L1)],
    now: t("16:00"),
    expected: [{ firstResponseAt: iso("10:10"), elapsed: 10, state: "answered", met: true }],
  },
  {
    description: "labels and a silent close are not responses",
    events: [label("10:00", L1), label("10:30", LABELS.impact("low"), deskAna), close("11:00", deskAna)],
    now: t("16:00"),
    expected: [{ firstResponseAt: "none", elapsed: 60, state: "closed" }],
  },
  {
    description: "just under 75 % of the target is on track",
    events: [label("10:00", L1)],
    now: t("12:14"),
    expected: [{ elapsed: 134, state: "on track" }],
  },
  {
    description: "warning at 75 % of the target",
    events: [label("10:00", L1)],
    now: t("12:15"),
    expected: [{ elapsed: 135, state: "warning", dueAt: iso("13:00"), met: "undecided" }],
  },
  {
    description: "breach at 100 % of the target",
    events: [label("10:00", L1)],
    now: t("13:00"),
    expected: [{ elapsed: 180, state: "breached", dueAt: iso("13:00"), met: false }],
  },
  {
    description: "answered a minute before the deadline is met",
    events: [label("10:00", L1), comment("12:59", deskAna)],
    now: t("16:00"),
    expected: [{ elapsed: 179, state: "answered", met: true }],
  },
  {
    description: "unanswered past the target is missed, and a late answer does not undo it",
    events: [label("10:00", L1), comment("14:00", deskAna)],
    now: t("16:00"),
    expected: [{ elapsed: 240, state: "answered", met: false, firstResponseAt: iso("14:00") }],
  },
  {
    description: "missed stays missed when the issue is closed",
    events: [label("10:00", L1), close("14:00")],
    now: t("12:00", "2026-05-20"),
    expected: [{ elapsed: 240, state: "closed", met: false }],
  },
  {
    description: "a breached clock put on hold still reads breached",
    events: [label("10:00", L1), label("14:00", LABELS.needsInfo)],
    now: t("16:00"),
    expected: [{ elapsed: 240, state: "breached", isPaused: true, pauseReasons: ["reporter"], met: false, dueAt: iso("13:00") }],
  },
  {
    description: "out-of-scope: no running clock",
    events: [label("10:00", L1), label("10:30", LABELS.outOfScope, deskAna)],
    now: t("12:00", "2026-05-20"),
    expected: [{ elapsed: 30, state: "closed", isPaused: false, dueAt: "none", met: "undecided" }],
  },
  {
    description: "back in scope, the clock runs again",
    events: [label("10:00", L1), label("10:30", LABELS.outOfScope), unlabel("14:00", LABELS.outOfScope)],
    now: t("15:00"),
    expected: [{ elapsed: 90, state: "on track" }],
  },
  {
    description: "labelling the tier it is in again does not restart the clock",
    events: [label("10:00", L1), label("11:00", L1)],
    now: t("12:00"),
    expected: [{ tier: "L1", enteredAt: iso("10:00"), elapsed: 120 }],
  },
  {
    description: "events arriving out of order are replayed in time order",
    events: [comment("11:00", deskAna), unlabel("10:30", LABELS.needsInfo), label("10:10", LABELS.needsInfo), label("10:00", L1)],
    now: t("16:00"),
    expected: [{ elapsed: 40, firstResponseAt: iso("11:00"), state: "answered" }],
  },
  {
    description: "events after now are ignored",
    events: [label("10:00", L1), comment("12:00", deskAna)],
    now: t("11:00"),
    expected: [{ firstResponseAt: "none", elapsed: 60, state: "on track" }],
  },
  {
    description: "no tier label: no clock",
    events: [label("10:00", LABELS.outOfScope), comment("10:30", deskAna)],
    now: t("16:00"),
    expected: [],
  },
];

describe("deriveClocks", () => {
  it.each(rows)("$description", ({ events, now, expected, filedBy, filedAt }) => {
    const history = { number: 7, createdAt: filedAt ?? filed, reporter: (filedBy ?? reporter).login, events };
    expect(deriveClocks(history, rules, now).map(summary)).toMatchObject(expected);
  });
});

describe("currentClock", () => {
  const history = (events: TicketEvent[]) => ({ number: 7, createdAt: filed, reporter: reporter.login, events });

  it.each([
    ["the tier the ticket is in now", [label("10:00", L1), label("11:00", L2), unlabel("11:00", L1)], "L2"],
    ["none once every tier label is removed", [label("10:00", L1), unlabel("11:00", L1)], undefined],
    ["none without any tier label", [label("10:00", LABELS.external)], undefined],
  ])("is %s", (_description, events, tier) => {
    expect(currentClock(deriveClocks(history(events), rules, t("16:00")))?.tier).toBe(tier);
  });
});
