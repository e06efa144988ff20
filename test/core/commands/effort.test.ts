import { describe, expect, it } from "vitest";
import { formatEffort, parseEffortDuration } from "../../../src/core/commands/index.js";
import { readMarkers } from "../../../src/core/text/markers.js";
import { problemText, run, runOne } from "./ticket-fixture.js";

describe("parseEffortDuration (a working day of 8 hours)", () => {
  it.each([
    { description: "decimal hours", text: "1.5h", minutes: 90 },
    { description: "decimal comma", text: "1,5h", minutes: 90 },
    { description: "minutes", text: "90m", minutes: 90 },
    { description: "a working day", text: "1d", minutes: 480 },
    { description: "hours and minutes", text: "1h30m", minutes: 90 },
    { description: "spaced parts and words", text: "1 day 2 hours 15 min", minutes: 615 },
    { description: "upper case", text: "2H", minutes: 120 },
    { description: "a fraction below one", text: ".25h", minutes: 15 },
    { description: "exactly five working days", text: "5d", minutes: 2400 },
  ])("reads $description ($text)", ({ text, minutes }) => {
    expect(parseEffortDuration(text, 8)).toEqual({ ok: true, value: minutes });
  });

  it("counts a day as the configured working day", () => {
    expect(parseEffortDuration("1d", 7.5)).toEqual({ ok: true, value: 450 });
  });

  it.each([
    { description: "nothing", text: "", says: "needs a duration" },
    { description: "zero", text: "0h", says: "at least one minute" },
    { description: "under a minute", text: "0.2m", says: "at least one minute" },
    { description: "negative", text: "-2h", says: "negative" },
    { description: "more than five working days", text: "5d 1m", says: "at most 5 working days (40 h)" },
    { description: "a week", text: "6d", says: "at most 5 working days" },
    { description: "no unit", text: "2", says: "needs a unit" },
    { description: "garbage", text: "a while", says: "cannot read “a while”" },
    { description: "trailing words", text: "2h reviewing logs", says: "cannot read" },
    { description: "a repeated unit", text: "1h 2h", says: "hours twice" },
    { description: "an unknown unit", text: "2w", says: "cannot read" },
  ])("rejects $description ($text)", ({ text, says }) => {
    const result = parseEffortDuration(text, 8);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.problems.map((p) => `${p.where} ${p.message}`).join()).toContain(says);
    expect(result.ok ? "" : result.problems[0]!.where).toBe("/effort");
  });

  it.each([
    { minutes: 45, text: "45 min" },
    { minutes: 120, text: "2 h" },
    { minutes: 90, text: "1 h 30 min" },
  ])("formats $minutes minutes as $text", ({ minutes, text }) => {
    expect(formatEffort(minutes)).toBe(text);
  });
});

describe("/effort", () => {
  it.each([
    { description: "L1 effort goes to the desk", ticket: { tier: "L1" as const, component: "cesiumjs" }, actorPartners: [], partner: "ATC" },
    { description: "L2 effort goes to the desk", ticket: { tier: "L2" as const, component: "cesiumjs" }, actorPartners: ["VCS"], partner: "ATC" },
    { description: "L3 effort goes to the owner", ticket: { tier: "L3" as const, component: "cesiumjs" }, actorPartners: [], partner: "VCS" },
    {
      description: "L3 effort goes to the co-owner the actor belongs to",
      ticket: { tier: "L3" as const, component: "data-catalogue" },
      actorPartners: ["IMEC"],
      partner: "IMEC",
    },
    {
      description: "L3 effort by someone of no owner goes to the first owner",
      ticket: { tier: "L3" as const, component: "data-catalogue" },
      actorPartners: ["TNO"],
      partner: "ATC",
    },
  ])("$description", ({ ticket, actorPartners, partner }) => {
    const outcome = runOne("/effort 1h30m", ticket, { actorPartners });
    expect(outcome.ok && outcome.changes).toEqual([{ kind: "log-effort", minutes: 90, partner, tier: ticket.tier }]);
  });

  it("acknowledges with an effort marker keyed by the comment, which reports read back", () => {
    const outcome = runOne("/effort 1.5h", { tier: "L3", component: "glayer" }, { commentId: 777, actor: "p4all-dev" });
    expect(outcome.reply?.text).toBe("Logged 1 h 30 min of L3 effort for P4ALL.");
    expect(readMarkers(outcome.reply?.marker)).toEqual([
      { kind: "effort", key: "777", data: { partner: "P4ALL", minutes: 90, tier: "L3", by: "p4all-dev" } },
    ]);
  });

  it("two /effort lines in one comment get two markers with different keys", () => {
    const outcomes = run("/effort 1h\n/effort 30m", { tier: "L2" }, { commentId: 5 });
    expect(outcomes.flatMap((o) => readMarkers(o.reply?.marker)).map((m) => [m.key, m.data?.minutes])).toEqual([
      ["5", 60],
      ["5-2", 30],
    ]);
  });

  it.each([
    { description: "no tier", ticket: {}, says: "has no tier yet" },
    { description: "out of scope", ticket: { isOutOfScope: true }, says: "out of scope" },
  ])("is refused on a ticket with $description", ({ ticket, says }) => {
    const outcome = runOne("/effort 1h", ticket);
    expect(outcome.ok).toBe(false);
    expect(problemText(outcome)).toContain(says);
  });

  it("after /tier in the same comment is logged against the new tier", () => {
    const outcomes = run("/tier L3\n/effort 2h", { tier: "L2", component: "openlayers" });
    expect(outcomes[1]!.ok && outcomes[1]!.changes).toEqual([{ kind: "log-effort", minutes: 120, partner: "VCS", tier: "L3" }]);
  });
});
