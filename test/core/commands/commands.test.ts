import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, type TicketChange, type TicketState, commandHelp, decideComment, ticketStateFromLabels } from "../../../src/core/commands/index.js";
import { context, problemText, run, runOne } from "./ticket-fixture.js";

const inL2: Partial<TicketState> = { tier: "L2", impact: "medium", component: "message-broker" };

describe("the commands SPEC §3 names", () => {
  it("are exactly these", () => {
    expect([...COMMAND_NAMES].sort()).toEqual(
      ["component", "effort", "escalate", "faq", "help", "impact", "in-scope", "out-of-scope", "pause", "resume", "tier"],
    );
  });

  it("each has its definition and help, in the same order", () => {
    expect(commandHelp().map((h) => h.name)).toEqual([...COMMAND_NAMES]);
  });
});

describe("valid commands decide their changes", () => {
  it.each<{ description: string; body: string; ticket?: Partial<TicketState>; changes: TicketChange[] }>([
    { description: "/tier moves the ticket", body: "/tier L1", changes: [{ kind: "set-tier", tier: "L1" }] },
    { description: "/tier reads any case", body: "/tier l3", changes: [{ kind: "set-tier", tier: "L3" }] },
    { description: "/tier to the same tier changes nothing", body: "/tier L2", changes: [] },
    { description: "/impact low keeps the tier", body: "/impact low", changes: [{ kind: "set-impact", impact: "low" }] },
    {
      description: "/impact high moves an L2 ticket to L3, as triage would",
      body: "/impact HIGH",
      changes: [{ kind: "set-impact", impact: "high" }, { kind: "set-tier", tier: "L3" }],
    },
    {
      description: "/impact low never moves an L3 ticket down",
      body: "/impact low",
      ticket: { ...inL2, tier: "L3", impact: "high" },
      changes: [{ kind: "set-impact", impact: "low" }],
    },
    {
      description: "/impact on an untriaged ticket gives it its entry tier",
      body: "/impact medium",
      ticket: {},
      changes: [{ kind: "set-impact", impact: "medium" }, { kind: "set-tier", tier: "L1" }],
    },
    {
      description: "/impact high on an out-of-scope ticket gives it no tier",
      body: "/impact high",
      ticket: { isOutOfScope: true, impact: "low" },
      changes: [{ kind: "set-impact", impact: "high" }],
    },
    { description: "/component by id", body: "/component cesiumjs", changes: [{ kind: "set-component", component: "cesiumjs" }] },
    {
      description: "/component by name as the form shows it",
      body: "/component Noise Modeller (Athens, Flanders)",
      changes: [{ kind: "set-component", component: "noise-modeller-athens-flanders" }],
    },
    { description: "/component in backticks", body: "/component `glayer`", changes: [{ kind: "set-component", component: "glayer" }] },
    { description: "/pause reporter", body: "/pause reporter", changes: [{ kind: "pause", reason: "reporter" }] },
    { description: "/pause external", body: "/pause External", changes: [{ kind: "pause", reason: "external" }] },
    {
      description: "/pause switches the reason of a paused ticket",
      body: "/pause external",
      ticket: { ...inL2, pause: "reporter" },
      changes: [{ kind: "pause", reason: "external" }],
    },
    { description: "/resume a paused ticket", body: "/resume", ticket: { ...inL2, pause: "external" }, changes: [{ kind: "resume" }] },
    { description: "/resume when not paused changes nothing", body: "/resume", changes: [] },
    { description: "/out-of-scope", body: "/out-of-scope", changes: [{ kind: "out-of-scope" }] },
    {
      description: "/in-scope puts a ticket back in the tier its impact enters",
      body: "/in-scope",
      ticket: { impact: "high", component: "cesiumjs", isOutOfScope: true },
      changes: [{ kind: "in-scope" }, { kind: "set-tier", tier: "L3" }],
    },
    { description: "/in-scope on an in-scope ticket changes nothing", body: "/in-scope", changes: [] },
    { description: "/faq without an answer", body: "/faq", changes: [{ kind: "propose-faq" }] },
    {
      description: "/faq takes the rest of the comment as the answer",
      body: "/faq Clear the cache.\n\nThen sign in again.",
      changes: [{ kind: "propose-faq", answer: "Clear the cache.\n\nThen sign in again." }],
    },
    { description: "/help changes nothing", body: "/help", changes: [] },
  ])("$description", ({ body, ticket, changes }) => {
    const outcome = runOne(body, ticket ?? inL2);
    expect(outcome).toMatchObject({ command: body.split("\n")[0]!.trim(), ok: true, changes });
  });

  it.each([
    { description: "same tier", body: "/tier L2", says: "already in L2" },
    { description: "same component", body: "/component message-broker", says: "already `message-broker`" },
    { description: "not paused", body: "/resume", says: "not paused" },
  ])("a command that changes nothing says so ($description)", ({ body, says }) => {
    const outcome = runOne(body, inL2);
    expect(outcome.ok && outcome.reply?.text).toContain(says);
  });

  it("/help lists every command with its usage and who may use it", () => {
    const outcome = runOne("/help");
    const text = (outcome.reply?.text ?? "").replaceAll("\\|", "|"); // table cells escape |
    for (const usage of ["/tier L1|L2|L3", "/impact low|medium|high", "/component <id>", "/pause reporter|external", "/effort <duration>", "/out-of-scope", "/in-scope", "/escalate", "/resume", "/faq"]) {
      expect(text).toContain(`\`${usage}`);
    }
    expect(text).toContain("write access");
  });
});

describe("an invalid argument is a clear problem that names the command and the argument", () => {
  it.each([
    { description: "unknown tier", body: "/tier L4", says: ["/tier", "L1, L2 or L3", "“L4”"] },
    { description: "missing tier", body: "/tier", says: ["/tier", "L1, L2 or L3"] },
    { description: "two tiers", body: "/tier L2 L3", says: ["/tier", "“L2 L3”"] },
    { description: "unknown impact", body: "/impact urgent", says: ["/impact", "low, medium or high", "“urgent”"] },
    { description: "unknown component", body: "/component kafka-2", says: ["/component", "“kafka-2”", "`message-broker`"] },
    { description: "missing component", body: "/component", says: ["/component needs a component id"] },
    { description: "unknown pause reason", body: "/pause holidays", says: ["/pause", "reporter or external", "“holidays”"] },
    { description: "missing pause reason", body: "/pause", says: ["/pause needs a reason"] },
    { description: "bad duration", body: "/effort lots", says: ["/effort", "“lots”"] },
  ])("$description", ({ body, says }) => {
    const outcome = runOne(body, inL2);
    expect(outcome.ok).toBe(false);
    expect(outcome.command).toBe(body);
    for (const text of says) expect(problemText(outcome)).toContain(text);
  });
});

describe("a comment with several commands", () => {
  it("runs them in order, each on the ticket the earlier ones left", () => {
    const outcomes = run("/tier L2\n/escalate\n### What happened\nNo map.\n### When did it happen\nToday 10:00\n### Nature of the occurrence\nFault", {
      tier: "L1",
      impact: "medium",
      component: "cesiumjs",
    });
    expect(outcomes.map((o) => [o.command, o.ok])).toEqual([["/tier L2", true], ["/escalate", true]]);
    expect(outcomes[1]!.ok && outcomes[1]!.changes.map((c) => c.kind)).toEqual(["escalate"]);
  });

  it("a failed command changes nothing and the others still run", () => {
    const outcomes = run("/impact urgent\n/pause reporter\n/effort 30m", inL2);
    expect(outcomes.map((o) => o.ok)).toEqual([false, true, true]);
    expect(outcomes[2]!.ok && outcomes[2]!.changes).toEqual([{ kind: "log-effort", minutes: 30, partner: "ATC", tier: "L2" }]);
  });

  it("ignores quoted and fenced commands among real ones", () => {
    const outcomes = run("> /out-of-scope\nNo, it is a fault:\n```\n/tier L3\n```\n/impact high", inL2);
    expect(outcomes.map((o) => o.command)).toEqual(["/impact high"]);
  });
});

describe("an unknown command", () => {
  it("is answered with the help and changes nothing", () => {
    const [outcome] = run("/frobnicate now", inL2);
    expect(outcome).toMatchObject({ command: "/frobnicate now", ok: false });
    expect(problemText(outcome!)).toContain("/frobnicate is not a command");
    expect(outcome!.reply?.text).toContain("/tier L1\\|L2\\|L3");
  });

  it.each([
    { description: "a path", body: "/usr/bin/env crashed" },
    { description: "a capitalised word", body: "/Etc is where it lives" },
    { description: "a quoted unknown command", body: "> /frobnicate" },
  ])("is not answered when it is $description", ({ body }) => {
    expect(run(body, inL2)).toEqual([]);
  });
});

describe("decideComment", () => {
  it("gives the handler the outcomes, the changes and one label diff", () => {
    const body = "/escalate\nWhat happened: no 3D tiles\nWhen: today 09:30\nNature: outage\nComponent: cesiumjs\n/pause external";
    const decision = decideComment(
      context(body, { ticket: ticketStateFromLabels({ number: 3, labels: ["tier: L2", "impact: high", "component: api-gateway", "partner: ATC", "sla: breached"], state: "open", author: "r" }) }),
    );
    expect(decision.outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(decision.changes.map((c) => c.kind)).toEqual(["set-component", "escalate", "pause"]);
    expect(decision.labels).toEqual({
      add: ["tier: L3", "component: cesiumjs", "partner: VCS", "status: external"],
      remove: ["tier: L2", "component: api-gateway", "partner: ATC", "sla: breached"],
    });
    expect(decision.ticket).toMatchObject({ tier: "L3", component: "cesiumjs", pause: "external" });
  });

  it("a comment without commands decides nothing", () => {
    expect(decideComment(context("Thanks, I will try that.\n/usr/local is full"))).toMatchObject({ outcomes: [], changes: [], labels: { add: [], remove: [] } });
  });
});
