import { describe, expect, it } from "vitest";
import { type ExistingField, boardFieldSpecs, boardGaps, isBoardTicket, planBoard } from "../../../src/core/board/index.js";
import { EMPTY_BOARD_FIELDS } from "../../../src/core/board/index.js";

const option = (name: string) => ({ id: `o-${name}`, name, color: "GRAY" as const, description: "" });
const complete: ExistingField[] = [
  { id: "F1", name: "Tier", kind: "singleSelect", options: ["L1", "L2", "L3"].map(option) },
  { id: "F2", name: "Impact", kind: "singleSelect", options: ["low", "medium", "high"].map(option) },
  { id: "F3", name: "Component", kind: "text", options: [] },
  { id: "F4", name: "Partner", kind: "text", options: [] },
  { id: "F5", name: "SLA state", kind: "singleSelect", options: ["on track", "warning", "breached", "paused", "answered", "closed"].map(option) },
  { id: "F6", name: "Response due", kind: "date", options: [] },
];

describe("boardGaps", () => {
  it.each<[string, ExistingField[], { create: string[]; options: string[]; problems: number }]>([
    ["a board with every field needs nothing", complete, { create: [], options: [], problems: 0 }],
    ["a new board gets all six fields", [], { create: ["Tier", "Impact", "Component", "Partner", "SLA state", "Response due"], options: [], problems: 0 }],
    ["names match whatever their case", complete.map((f) => ({ ...f, name: f.name.toUpperCase() })), { create: [], options: [], problems: 0 }],
    [
      "a missing option is added to the existing field",
      complete.map((f) => (f.id === "F5" ? { ...f, options: f.options.filter((o) => o.name !== "answered") } : f)),
      { create: [], options: ["SLA state: answered"], problems: 0 },
    ],
    [
      "a field of the wrong kind is a problem, not replaced",
      complete.map((f) => (f.id === "F1" ? { ...f, kind: "text" as const, options: [] } : f)),
      { create: [], options: [], problems: 1 },
    ],
  ])("%s", (_description, existing, expected) => {
    const gaps = boardGaps(existing, boardFieldSpecs());
    expect(gaps.create.map((s) => s.name)).toEqual(expected.create);
    expect(gaps.addOptions.flatMap((g) => g.missing.map((o) => `${g.field.name}: ${o.name}`))).toEqual(expected.options);
    expect(gaps.problems).toHaveLength(expected.problems);
  });

  it("uses the names a deployment configures", () => {
    const gaps = boardGaps(complete, boardFieldSpecs({ slaState: "Clock" }));
    expect(gaps.create.map((s) => `${s.name} (${s.kind})`)).toEqual(["Clock (singleSelect)"]);
  });
});

describe("planBoard", () => {
  const wanted = { ...EMPTY_BOARD_FIELDS, tier: "L1" as const, slaState: "on track" as const };
  it.each([
    ["a triaged ticket without a card is added with its fields", { number: 1, labels: ["tier: L1"], wanted }, { add: 1, update: 0, unchanged: 0 }],
    ["an untriaged issue stays off the board", { number: 2, labels: [], wanted: EMPTY_BOARD_FIELDS }, { add: 0, update: 0, unchanged: 0 }],
    ["a card that matches is left alone", { number: 3, labels: ["tier: L1"], wanted, item: { id: "I3", current: wanted } }, { add: 0, update: 0, unchanged: 1 }],
    [
      "a card whose labels lost their tier is cleared, not removed",
      { number: 4, labels: [], wanted: EMPTY_BOARD_FIELDS, item: { id: "I4", current: wanted } },
      { add: 0, update: 1, unchanged: 0 },
    ],
  ])("%s", (_description, entry, expected) => {
    const plan = planBoard([entry]);
    expect({ add: plan.add.length, update: plan.update.length, unchanged: plan.unchanged }).toEqual(expected);
  });

  it("is triaged only with a tier label", () => {
    expect([isBoardTicket(["tier: L2"]), isBoardTicket(["impact: high", "partner: TNO"])]).toEqual([true, false]);
  });
});
