import { describe, expect, it } from "vitest";
import { type TicketState, incidentTemplate, parseCommands, parseIncidentRecord } from "../../../src/core/commands/index.js";
import { NOW, problemText, runOne } from "./ticket-fixture.js";

const inL2: Partial<TicketState> = { tier: "L2", impact: "medium", component: "noise-modeller-athens-flanders" };

const COMPLETE = [
  "/escalate",
  "### What happened",
  "The Athens noise map shows no data since the last import.",
  "",
  "### When did it happen",
  "2026-03-02 from 10:15 (Europe/Athens), still happening",
  "",
  "### Nature of the occurrence",
  "Fault in the model run: input arrives, output is empty. Restarting did not help.",
].join("\n");

describe("/escalate", () => {
  it("from L2 with a complete record moves the ticket to L3 with the record", () => {
    const outcome = runOne(COMPLETE, inL2);
    expect(outcome).toMatchObject({ command: "/escalate", ok: true });
    expect(outcome.ok && outcome.changes).toEqual([
      {
        kind: "escalate",
        record: {
          whatHappened: "The Athens noise map shows no data since the last import.",
          whenHappened: "2026-03-02 from 10:15 (Europe/Athens), still happening",
          nature: "Fault in the model run: input arrives, output is empty. Restarting did not help.",
          component: "noise-modeller-athens-flanders",
          impact: "medium",
          details: [],
          recordedBy: "desk-person",
          recordedAt: NOW,
        },
      },
    ]);
  });

  it("takes component and impact from the record, reclassifying the ticket", () => {
    const body = `${COMPLETE}\n\n### Component\ncesiumjs\n\n### Impact\nhigh – the 3D view is down`;
    const outcome = runOne(body, { tier: "L2" });
    expect(outcome.ok && outcome.changes.map((c) => c.kind)).toEqual(["set-component", "set-impact", "escalate"]);
    expect(outcome.ok && outcome.changes[0]).toEqual({ kind: "set-component", component: "cesiumjs" });
    expect(outcome.ok && outcome.changes[1]).toEqual({ kind: "set-impact", impact: "high" });
  });

  it.each([
    { description: "What happened", missing: "### What happened\nThe Athens noise map shows no data since the last import.\n" },
    { description: "When did it happen", missing: "### When did it happen\n2026-03-02 from 10:15 (Europe/Athens), still happening\n" },
    { description: "Nature of the occurrence", missing: "### Nature of the occurrence\nFault in the model run: input arrives, output is empty. Restarting did not help." },
  ])("without “$description” changes nothing, names the field and gives the template", ({ description, missing }) => {
    const outcome = runOne(COMPLETE.replace(missing, ""), inL2);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.where)).toEqual([description]);
    expect(outcome.reply?.text).toContain(incidentTemplate(inL2));
  });

  it("with no record at all names every missing field", () => {
    const outcome = runOne("/escalate", { tier: "L2" });
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.where)).toEqual([
      "What happened",
      "When did it happen",
      "Nature of the occurrence",
      "Component",
      "Impact",
    ]);
  });

  it("treats the template's hints and _No response_ as empty", () => {
    const outcome = runOne(`${incidentTemplate(inL2)}`.replace("### Nature of the occurrence", "### Nature of the occurrence\n_No response_"), inL2);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.where)).toEqual(["What happened", "When did it happen", "Nature of the occurrence"]);
  });

  it.each([
    { description: "an unknown component", add: "### Component\nkafka-2", where: "Component", says: "“kafka-2” is not a component" },
    { description: "an unknown impact", add: "### Impact\nurgent", where: "Impact", says: "“urgent” is not an impact" },
  ])("with $description changes nothing", ({ add, where, says }) => {
    const outcome = runOne(`${COMPLETE}\n${add}`, inL2);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.problems).toEqual([expect.objectContaining({ where, message: expect.stringContaining(says) })]);
  });

  it.each([
    { description: "in L1", ticket: { ...inL2, tier: "L1" as const }, says: "this ticket is in L1. Move it to L2 first" },
    { description: "already in L3", ticket: { ...inL2, tier: "L3" as const }, says: "already in L3" },
    { description: "without a tier", ticket: { component: "cesiumjs" }, says: "not in any tier yet" },
    { description: "out of scope", ticket: { ...inL2, isOutOfScope: true }, says: "out of scope" },
    { description: "closed", ticket: { ...inL2, state: "closed" as const }, says: "reopen" },
  ])("when the ticket is $description is refused with the reason", ({ ticket, says }) => {
    const outcome = runOne(COMPLETE, ticket);
    expect(outcome.ok).toBe(false);
    expect(problemText(outcome)).toContain(`/escalate: `);
    expect(problemText(outcome)).toContain(says);
  });

  it("a filled-in copy of the template escalates", () => {
    const filled = incidentTemplate({})
      .replace("### What happened\n", "### What happened\nLogin fails\n")
      .replace("### When did it happen\n", "### When did it happen\nMonday 9:00\n")
      .replace("### Nature of the occurrence\n", "### Nature of the occurrence\nOutage\n")
      .replace("### Component\n", "### Component\nAPI Gateway\n")
      .replace("### Impact\n", "### Impact\nhigh\n");
    expect(parseCommands(filled).map((c) => c.name)).toEqual(["escalate"]);
    const outcome = runOne(filled, { tier: "L2" });
    expect(outcome.ok && outcome.changes.at(-1)).toMatchObject({ kind: "escalate", record: { component: "api-gateway", impact: "high", nature: "Outage" } });
  });
});

describe("parseIncidentRecord", () => {
  it.each([
    {
      description: "### sections",
      text: "### What happened\nA\n### When did it happen\nB\n### Nature of the occurrence\nC",
      fields: { whatHappened: "A", whenHappened: "B", nature: "C" },
    },
    {
      description: "`Label:` lines",
      text: "What happened: A\nstill A\nWhen: B\nNature of the occurrence: C\nImpact: low",
      fields: { whatHappened: "A\nstill A", whenHappened: "B", nature: "C", impact: "low" },
    },
    {
      description: "bold labels and list items",
      text: "- **What happened:** A\n- **When did it happen**: B\n- __Nature__: C",
      fields: { whatHappened: "A", whenHappened: "B", nature: "C" },
    },
    {
      description: "other colons inside a field stay text",
      text: "### What happened\nError: connection refused\nNote: twice",
      fields: { whatHappened: "Error: connection refused\nNote: twice" },
    },
    {
      description: "headings inside a code block stay text",
      text: "### What happened\n```\n### When did it happen\n```",
      fields: { whatHappened: "```\n### When did it happen\n```" },
    },
  ])("reads $description", ({ text, fields }) => {
    expect(parseIncidentRecord(text).fields).toEqual(fields);
  });

  it("keeps other sections as details, in order", () => {
    const draft = parseIncidentRecord("Checked by Maria.\n### What happened\nA\n### Workaround\nUse the old URL");
    expect(draft.details).toEqual([
      { heading: "Notes", text: "Checked by Maria." },
      { heading: "Workaround", text: "Use the old URL" },
    ]);
  });
});

describe("incidentTemplate", () => {
  it("asks for every field, and starts with /escalate so a filled copy runs it", () => {
    const template = incidentTemplate();
    expect(template.startsWith("/escalate\n")).toBe(true);
    for (const heading of ["What happened", "When did it happen", "Nature of the occurrence", "Component", "Impact"]) {
      expect(template).toContain(`### ${heading}`);
    }
  });

  it("leaves out component and impact when the ticket has them", () => {
    const template = incidentTemplate({ component: "glayer", impact: "low" });
    expect(template).not.toContain("### Component");
    expect(template).not.toContain("### Impact");
  });
});
