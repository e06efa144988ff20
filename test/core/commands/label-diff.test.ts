import { describe, expect, it } from "vitest";
import { type IncidentRecord, type TicketChange, labelDiff, ticketStateFromLabels } from "../../../src/core/commands/index.js";
import { NOW, config } from "./ticket-fixture.js";

const record: IncidentRecord = {
  whatHappened: "A",
  whenHappened: "B",
  nature: "C",
  component: "cesiumjs",
  impact: "medium",
  details: [],
  recordedBy: "desk-person",
  recordedAt: NOW,
};

const L2_TICKET = ["tier: L2", "impact: medium", "component: cesiumjs", "partner: VCS", "sla: warning", "bug"];

function diff(labels: string[], changes: TicketChange[]) {
  const ticket = ticketStateFromLabels({ number: 1, labels, state: "open", author: "someone" });
  return labelDiff(ticket, changes, config);
}

describe("labelDiff", () => {
  it.each<{ description: string; labels?: string[]; changes: TicketChange[]; add: string[]; remove: string[] }>([
    {
      description: "a new tier replaces the old one and clears the old clock's SLA label",
      changes: [{ kind: "set-tier", tier: "L3" }],
      add: ["tier: L3"],
      remove: ["tier: L2", "sla: warning"],
    },
    { description: "the same tier changes nothing", changes: [{ kind: "set-tier", tier: "L2" }], add: [], remove: [] },
    {
      description: "escalation moves to L3",
      changes: [{ kind: "escalate", record }],
      add: ["tier: L3"],
      remove: ["tier: L2", "sla: warning"],
    },
    {
      description: "a new impact replaces the old one",
      changes: [{ kind: "set-impact", impact: "high" }],
      add: ["impact: high"],
      remove: ["impact: medium"],
    },
    {
      description: "a new component replaces the old one and its partner labels",
      changes: [{ kind: "set-component", component: "data-catalogue" }],
      add: ["component: data-catalogue", "partner: ATC", "partner: IMEC"],
      remove: ["component: cesiumjs", "partner: VCS"],
    },
    {
      description: "a component with the same owner keeps the partner label",
      changes: [{ kind: "set-component", component: "openlayers" }],
      add: ["component: openlayers"],
      remove: ["component: cesiumjs"],
    },
    { description: "pause for the reporter", changes: [{ kind: "pause", reason: "reporter" }], add: ["status: needs-info"], remove: [] },
    { description: "pause for an external service", changes: [{ kind: "pause", reason: "external" }], add: ["status: external"], remove: [] },
    {
      description: "switching the pause reason swaps the status label",
      labels: [...L2_TICKET, "status: needs-info"],
      changes: [{ kind: "pause", reason: "external" }],
      add: ["status: external"],
      remove: ["status: needs-info"],
    },
    { description: "resume removes the pause label", labels: [...L2_TICKET, "status: external"], changes: [{ kind: "resume" }], add: [], remove: ["status: external"] },
    {
      description: "out of scope labels it and removes the tier (no clock runs)",
      changes: [{ kind: "out-of-scope" }],
      add: ["out-of-scope"],
      remove: ["tier: L2", "sla: warning"],
    },
    {
      description: "in scope removes the label; the tier comes with it",
      labels: ["impact: low", "component: cesiumjs", "partner: VCS", "out-of-scope"],
      changes: [{ kind: "in-scope" }, { kind: "set-tier", tier: "L1" }],
      add: ["tier: L1"],
      remove: ["out-of-scope"],
    },
    { description: "effort changes no label", changes: [{ kind: "log-effort", minutes: 60, partner: "ATC", tier: "L2" }], add: [], remove: [] },
    { description: "a FAQ proposal changes no label", changes: [{ kind: "propose-faq" }], add: [], remove: [] },
    {
      description: "several changes give one diff, the last value winning",
      changes: [
        { kind: "set-tier", tier: "L1" },
        { kind: "set-tier", tier: "L3" },
        { kind: "set-impact", impact: "low" },
        { kind: "pause", reason: "reporter" },
      ],
      add: ["tier: L3", "impact: low", "status: needs-info"],
      remove: ["tier: L2", "impact: medium", "sla: warning"],
    },
    {
      description: "a stray second tier label is removed too",
      labels: ["tier: L1", "tier: L2"],
      changes: [{ kind: "set-tier", tier: "L2" }],
      add: [],
      remove: ["tier: L1"],
    },
  ])("$description", ({ labels, changes, add, remove }) => {
    expect(diff(labels ?? L2_TICKET, changes)).toEqual({ add, remove });
  });
});

describe("ticketStateFromLabels", () => {
  it("reads tier, impact, component, pause and scope", () => {
    const state = ticketStateFromLabels({
      number: 7,
      labels: ["tier: L3", "impact: high", "component: glayer", "status: external", "out-of-scope"],
      state: "open",
      author: "a",
    });
    expect(state).toMatchObject({ tier: "L3", impact: "high", component: "glayer", pause: "external", isOutOfScope: true });
  });
});
