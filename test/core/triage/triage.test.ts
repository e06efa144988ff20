import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../../../src/core/calendar/index.js";
import { partnerCalendarSpec } from "../../../src/core/config/calendar-spec.js";
import { type Config, defaultConfig, parseConfig } from "../../../src/core/config/index.js";
import { readSupportRequest } from "../../../src/core/intake/parse-body.js";
import { defaultSupportOwners } from "../../../src/core/routing/support-owners.js";
import { renderTriageReply } from "../../../src/core/text/triage-reply.js";
import { type TriageInput, triage, withAppliedAssignees } from "../../../src/core/triage/triage.js";
import { formBody } from "../../fixtures/webhooks.js";

const NOW = new Date("2026-11-26T10:00:00Z");

function input(body: string, overrides: Partial<TriageInput> = {}, config: Config = defaultConfig()): TriageInput {
  return {
    config,
    org: "duet",
    issue: { number: 12, title: "Broken", body, createdAt: new Date("2026-11-26T08:00:00Z"), labels: [] },
    intake: readSupportRequest(body, config),
    ownerRules: defaultSupportOwners(config, "duet"),
    candidates: [{ login: "maria", openAssignments: 0 }],
    unreadableTeams: [],
    calendarFor: (id) => createBusinessCalendar(partnerCalendarSpec(config, id)),
    ...overrides,
  };
}

const request = (component: string, impact = "low", type = "bug") =>
  formBody({ Component: component, Impact: impact, "Request type": type, "What happened": "It fails.", "When did it happen": "Today" });

describe("triage", () => {
  it.each([
    { description: "low impact enters L1, due 3 working hours later in Athens", body: request("Message Broker"), tier: "L1", due: "2026-11-26T11:00:00.000Z", partner: "ATC" },
    { description: "medium impact enters L1 too", body: request("API Gateway", "medium"), tier: "L1", due: "2026-11-26T11:00:00.000Z", partner: "ATC" },
    { description: "high impact enters L3 on the owner's calendar (TNO, two working days)", body: request("Noise Modeller (Athens, Flanders)", "high"), tier: "L3", due: "2026-11-27T16:00:00.000Z", partner: "TNO" },
    { description: "L1 of an L3 owner's component still runs on the desk's clock", body: request("CesiumJS"), tier: "L1", due: "2026-11-26T11:00:00.000Z", partner: "ATC" },
  ])("$description", ({ body, tier, due, partner }) => {
    const plan = triage(input(body), NOW);
    expect(plan.outcome.kind).toBe("routed");
    expect(plan.clock).toEqual({ tier, dueAt: new Date(due), partner });
    expect(plan.labelsToAdd).toContain(`tier: ${tier}`);
  });

  it("labels a shared component with both owner partners", () => {
    const plan = triage(input(request("Data Catalogue")), NOW);
    expect(plan.labelsToAdd).toEqual(["tier: L1", "impact: low", "component: data-catalogue", "partner: ATC", "partner: IMEC"]);
  });

  it("is a diff: labels already right are not added again, wrong ones of the same kind are removed", () => {
    const plan = triage(input(request("GLayer (with InnoConnect)"), { issue: { number: 1, title: "Broken", body: "", createdAt: new Date("2026-11-26T08:00:00Z"), labels: ["tier: L1", "impact: high", "bug", "source: web-form"] } }), NOW);
    expect(plan.labelsToAdd).toEqual(["impact: low", "component: glayer", "partner: P4ALL"]);
    expect(plan.labelsToRemove).toEqual(["impact: high"]);
  });

  it("assigns the least-loaded candidate, alphabetical on a tie", () => {
    const candidates = [{ login: "zoe", openAssignments: 1 }, { login: "bob", openAssignments: 1 }, { login: "ann", openAssignments: 3 }];
    expect(triage(input(request("VC Map API"), { candidates }), NOW).assignees).toEqual(["bob"]);
  });

  it("high impact mentions the desk's team so ATC still sees it", () => {
    const reply = renderTriageReply(triage(input(request("Traffic Modeller (Flanders)", "high")), NOW).outcome);
    expect(reply).toContain("cc @duet/duet-atc");
    expect(reply).toContain("Fri 27 Nov 2026, 17:00 CET (Europe/Brussels)");
  });

  it("nobody to assign: the owner team is mentioned instead", () => {
    const reply = renderTriageReply(triage(input(request("Traffic Modeller (Flanders)"), { candidates: [], unreadableTeams: ["@duet/duet-kul"] }), NOW).outcome);
    expect(reply).toContain("cc @duet/duet-kul");
    expect(reply).toContain("could not be read");
  });

  it("an assignee GitHub dropped is reported, and the owners are asked to pick it up", () => {
    const plan = triage(input(request("OpenLayers JS"), { candidates: [{ login: "guest", openAssignments: 0 }] }), NOW);
    const reply = renderTriageReply(withAppliedAssignees(plan.outcome, []));
    expect(reply).not.toContain("Assigned to @guest");
    expect(reply).toContain("@guest could not be assigned");
    expect(reply).toContain("cc @duet/duet-vcs");
  });

  it.each([
    { description: "a feature request", type: "feature request" },
    { description: "an infrastructure change", type: "infrastructure change" },
  ])("$description is out of scope: no tier, no assignee, the policy quoted", ({ type }) => {
    const plan = triage(input(request("Athens Dashboard", "low", type)), NOW);
    expect(plan.outcome.kind).toBe("out-of-scope");
    expect(plan.labelsToAdd).toEqual(["impact: low", "component: athens-dashboard", "partner: ATC", "out-of-scope"]);
    expect(plan.assignees).toEqual([]);
    expect(plan.clock).toBeUndefined();
    expect(renderTriageReply(plan.outcome)).toContain("> The technical support excludes");
  });

  it("a request with missing fields waits on the reporter at L1", () => {
    const plan = triage(input(formBody({ Component: "Model Catalogue" })), NOW);
    expect(plan.outcome.kind).toBe("needs-info");
    expect(plan.labelsToAdd).toEqual(["tier: L1", "component: model-catalogue", "partner: ATC", "partner: IMEC", "status: needs-info"]);
    expect(plan.assignees).toEqual([]);
  });

  it.each([
    { description: "after the window's end", window: { end: "2026-11-25" }, text: "ended on **2026-11-25**" },
    { description: "before the window's start", window: { start: "2026-12-01" }, text: "starts on **2026-12-01**" },
  ])("$description the reporter is told, and nothing is labelled", ({ window, text }) => {
    const parsed = parseConfig({ supportWindow: window });
    if (!parsed.ok) throw new Error("config");
    const plan = triage(input(request("Athens Dashboard"), {}, parsed.value), NOW);
    expect(plan.labelsToAdd).toEqual([]);
    expect(renderTriageReply(plan.outcome)).toContain(text);
  });

  it.each([
    { description: "a routed ticket", body: formBody({ Component: "VC Map API", Impact: "low", "Request type": "question", "What happened": "Password reset mail never arrives", "When did it happen": "Today" }), suggested: true },
    { description: "a ticket that needs more information", body: formBody({ Component: "VC Map API", "What happened": "Password reset mail never arrives" }), suggested: true },
    { description: "an out-of-scope request", body: request("VC Map API", "low", "feature request"), suggested: false },
  ])("FAQ suggestions for $description: $suggested", ({ body, suggested }) => {
    const faq = { fileUrl: "https://github.com/duet/support/blob/main/docs/faq.md", entries: [{ question: "How do I reset my password?", answer: "Use the reset link on the login page; the mail arrives within minutes.", line: 3, anchor: "how-do-i-reset-my-password" }] };
    const plan = triage(input(body, { faq, issue: { number: 5, title: "Password reset mail never arrives", body, createdAt: new Date("2026-11-26T08:00:00Z"), labels: [] } }), NOW);
    const reply = renderTriageReply(plan.outcome);
    if (suggested) expect(reply).toContain("- [How do I reset my password?](https://github.com/duet/support/blob/main/docs/faq.md#how-do-i-reset-my-password)");
    else expect(reply).not.toContain("FAQ");
  });

  it("no FAQ entry is suggested when none is relevant", () => {
    const faq = { fileUrl: "https://x/docs/faq.md", entries: [{ question: "How do I reset my password?", answer: "Use the reset link.", line: 3, anchor: "how-do-i-reset-my-password" }] };
    const reply = renderTriageReply(triage(input(request("Noise Modeller (Pilsen)"), { faq, issue: { number: 5, title: "Noise levels wrong near the ring road", body: "Lden values are 20 dB too high", createdAt: new Date("2026-11-26T08:00:00Z"), labels: [] } }), NOW).outcome);
    expect(reply).not.toContain("FAQ entries");
  });

  it("the window's last day (in the desk's time zone) is still inside", () => {
    const parsed = parseConfig({ supportWindow: { end: "2026-11-26" } });
    if (!parsed.ok) throw new Error("config");
    expect(triage(input(request("Athens Dashboard"), {}, parsed.value), new Date("2026-11-26T21:30:00Z")).outcome.kind).toBe("routed");
    expect(triage(input(request("Athens Dashboard"), {}, parsed.value), new Date("2026-11-26T22:30:00Z")).outcome.kind).toBe("window-closed");
  });
});
