/**
 * issues.edited: a request sent back for missing information is triaged again when its reporter
 * edits the body. Complete: routed with the deadline counted from now; still incomplete: the updated
 * list once per distinct list; any other edit costs no request.
 */
import nock from "nock";
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/core/config/index.js";
import { readSupportRequest } from "../../src/core/intake/parse-body.js";
import { renderTriageReply } from "../../src/core/text/triage-reply.js";
import { ORG, REPO, formBody, webhookFixture } from "../fixtures/webhooks.js";
import { API, createTestProbot, nockToken } from "../support/probot.js";
import { type Captured, NOW, REPORTER, captured, nockLabels, nockNoSupportOwners, nockReply, nockTeamMembers, nockTicketHistory, nockUpdate } from "./issue-comment-harness.js";

const CREATED = "2026-11-23T08:00:00Z"; // Monday 10:00 in Athens; NOW is Thursday 12:00 there
const TRIAGED = "2026-11-23T08:00:05Z";
const BOT = "duet-support[bot]";
const repoPath = `/repos/${ORG}/${REPO}`;
const config = defaultConfig();

/** What the reporter first filed: no request type, no story, no date, and an impact the plan does not know. */
const FIRST = formBody({ Component: "CesiumJS", Impact: "urgent!!" });
const WAITING = ["tier: L1", "component: cesiumjs", "partner: VCS", "status: needs-info"];

const complete = (impact = "low") =>
  formBody({ Component: "CesiumJS", Impact: impact, "Request type": "bug", "What happened": "The globe is black.", "When did it happen": "Monday morning", Where: "platform" });

/** The app's needs-info reply to `body`, as triage posted it (the same marker and key). */
function needsInfoReply(body: string, isUpdate = false): string {
  const intake = readSupportRequest(body, config);
  return renderTriageReply({ kind: "needs-info", missing: intake.missing, problems: intake.problems, faqSuggestions: [] }, { isUpdate });
}

let deliveries = 0;

function edited(body: string, o: { labels?: string[]; changes?: Record<string, unknown>; sender?: { login: string; type: string }; state?: "open" | "closed"; id?: string } = {}) {
  const sender = o.sender ?? { login: REPORTER, type: "User" };
  return {
    id: o.id ?? `edited-delivery-${++deliveries}`,
    name: "issues" as const,
    payload: webhookFixture("issues", "edited", {
      changes: o.changes ?? { body: { from: FIRST } },
      issue: {
        number: 1,
        title: "The 3D globe is black",
        body,
        state: o.state ?? "open",
        created_at: CREATED,
        user: { login: REPORTER, id: 9001, type: "User" },
        labels: (o.labels ?? WAITING).map((name, i) => ({ id: i, name, color: "ededed", default: false })),
        assignees: [],
        assignee: null,
      },
      sender: { ...sender, id: 9001 },
    }) as never,
  };
}

type Timeline = Parameters<typeof nockTicketHistory>[0]["timeline"];

/** The ticket as triage left it: tier, component, partner and the pause at once, then the app's list. */
function triagedTimeline(extra: Timeline = [], appReplies: string[] = [needsInfoReply(FIRST)]): Timeline {
  return [
    ...WAITING.map((label) => ({ kind: "labeled" as const, label, at: TRIAGED })),
    ...appReplies.map((body, i) => ({ kind: "comment" as const, at: `2026-11-23T08:0${i}:06Z`, by: BOT, body })),
    ...extra,
  ];
}

function nockFaq(): void {
  nock(API).get(`${repoPath}/contents/${encodeURIComponent("docs/faq.md")}`).reply(404, { message: "Not Found" });
}

describe("issues.edited: a request completed after needs-info", () => {
  let probot: Probot;
  let c: Captured;
  beforeEach(async () => {
    nock.disableNetConnect();
    probot = await createTestProbot({ deps: { now: () => NOW } });
    c = captured();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** Token, the ticket's history (one GraphQL read), then the configuration. */
  function nockStartWith(timeline: Timeline, labels = WAITING): void {
    nockToken();
    nockTicketHistory({ createdAt: CREATED, labels, state: "OPEN", timeline });
    const api = nock(API);
    api.get(`${repoPath}/contents/${encodeURIComponent(".github/duet-support.yml")}`).reply(404, { message: "Not Found" });
    api.get(`/repos/${ORG}/.github/contents/${encodeURIComponent(".github/duet-support.yml")}`).reply(404, { message: "Not Found" });
  }

  it.each([
    {
      description: "low impact stays in L1: the desk's 3 working hours count from now, not from Monday's filing",
      impact: "low",
      pauses: [] as Timeline,
      tier: "L1",
      due: "Thu 26 Nov 2026, 15:00 EET (Europe/Athens)",
    },
    {
      description: "the clock resumes where it paused: an hour ran before the second pause, so 2 hours are left",
      impact: "low",
      pauses: [
        { kind: "unlabeled", label: "status: needs-info", at: "2026-11-23T09:00:00Z", by: "desk-dana" },
        { kind: "labeled", label: "status: needs-info", at: "2026-11-23T10:00:00Z", by: "desk-dana" },
      ] as Timeline,
      tier: "L1",
      due: "Thu 26 Nov 2026, 14:00 EET (Europe/Athens)",
    },
    {
      description: "high impact enters L3 now: VCS's 2 working days from Thursday 11:00 in Berlin",
      impact: "high",
      pauses: [] as Timeline,
      tier: "L3",
      due: "Mon 30 Nov 2026, 11:00 CET (Europe/Berlin)",
    },
  ])("completed by an edit, the request is routed and assigned with the pause lifted: $description", async ({ impact, pauses, tier, due }) => {
    nockStartWith(triagedTimeline(pauses));
    nockNoSupportOwners();
    nockTeamMembers("duet-vcs", ["vcs-vera"]);
    nockFaq();
    nockLabels(c, ["tier: L1", "tier: L3", "impact: low", "impact: high", "component: cesiumjs", "partner: VCS", "status: needs-info"]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(edited(complete(impact)));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toEqual(expect.arrayContaining([`tier: ${tier}`, `impact: ${impact}`, "component: cesiumjs", "partner: VCS"]));
    expect(c.update!.labels).not.toContain("status: needs-info");
    expect(c.update!.labels.filter((l) => l.startsWith("tier: "))).toEqual([`tier: ${tier}`]);
    expect(c.update!.assignees).toEqual(["vcs-vera"]);
    expect(c.comments).toHaveLength(1);
    expect(c.comments[0]).toContain(`Response due: **${due}**`);
    expect(c.comments[0]).toContain("Assigned to @vcs-vera.");
    expect(c.writes).toBe(2);
  });

  it("completed after the desk already answered in L1: routed, and the reply promises no new deadline", async () => {
    const asked = { kind: "comment" as const, at: "2026-11-23T09:00:00Z", by: "desk-dana", body: "Which browser do you use?", association: "MEMBER" };
    nockStartWith(triagedTimeline([asked]));
    nockNoSupportOwners();
    nockTeamMembers("duet-vcs", ["vcs-vera"]);
    nockFaq();
    nockLabels(c, ["impact: low"]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(edited(complete()));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).not.toContain("status: needs-info");
    expect(c.comments[0]).not.toContain("Response due");
    expect(c.comments[0]).toContain("has already answered in L1, so no new response deadline applies");
  });

  it("changed into a feature request, it is out of scope: labelled so, the pause lifted, the policy quoted", async () => {
    nockStartWith(triagedTimeline());
    nockLabels(c, []);
    nockUpdate(c);
    nockReply(c);
    const body = formBody({ Component: "CesiumJS", Impact: "low", "Request type": "feature request", "What happened": "Please add night mode.", "When did it happen": "n/a" });
    await probot.receive(edited(body));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toContain("out-of-scope");
    expect(c.update!.labels).not.toContain("status: needs-info");
    expect(c.comments[0]).toContain("> The technical support excludes");
  });

  it("still incomplete with a different problem: one updated list of what is still missing, the labels brought up to date", async () => {
    nockStartWith(triagedTimeline());
    nockLabels(c, []);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(edited(formBody({ Component: "CesiumJS", Impact: "medium", "Request type": "bug", "What happened": "The globe is black." })));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toEqual([...WAITING, "impact: medium"]);
    expect(c.update!.assignees).toBeUndefined();
    expect(c.comments).toHaveLength(1);
    expect(c.comments[0]).toContain("Thank you for the update. Some information is still missing");
    expect(c.comments[0]).toContain("**When did it happen**: missing");
    expect(c.comments[0]).not.toContain("**Request type**");
    expect(c.comments[0]).not.toContain("urgent!!");
    expect(c.comments[0]).toContain("Edit the issue (keep each answer under its `### ` heading) or reply below.");
  });

  it("still incomplete with different problems but the same labels: only the updated list (one write)", async () => {
    nockStartWith(triagedTimeline());
    nockReply(c);
    await probot.receive(edited(formBody({ Component: "CesiumJS", Impact: "urgent!!", "What happened": "The globe is black." })));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    expect(c.comments[0]).toContain("**Request type**: missing");
    expect(c.comments[0]).not.toContain("**What happened**: missing");
    expect(c.writes).toBe(1);
  });

  const stillMissing = formBody({ Component: "CesiumJS", Impact: "urgent!!", "What happened": "The globe is black." });
  it.each([
    { description: "the first list", body: formBody({ Component: "CesiumJS", Impact: "urgent!!", "Steps to reproduce": "Open the viewer." }), replies: [needsInfoReply(FIRST)] },
    { description: "an earlier update", body: stillMissing, replies: [needsInfoReply(FIRST), needsInfoReply(stillMissing, true)] },
  ])("an edit that leaves the same problems as $description says nothing and changes nothing", async ({ body, replies }) => {
    nockStartWith(triagedTimeline([], replies));
    await probot.receive(edited(body)); // nothing else is mocked: a write would fail the event
    expect(nock.isDone()).toBe(true);
  });

  it("a pause the desk set with /pause reporter after routing is not triage's: the edit is only read", async () => {
    const routed = "Thank you for your request.\n\n<!-- duet-support:triage key=routed -->";
    nockToken();
    nockTicketHistory({ createdAt: CREATED, labels: WAITING, state: "OPEN", timeline: triagedTimeline([], [routed]) });
    await probot.receive(edited(complete()));
    expect(nock.isDone()).toBe(true);
  });

  it.each([
    { description: "a title-only edit", o: { changes: { title: { from: "Black globe" } } } },
    { description: "an edit of an issue that waits for nobody", o: { labels: ["tier: L1", "impact: low", "component: cesiumjs", "partner: VCS"] } },
    { description: "an edit on a ticket paused for an external service", o: { labels: ["tier: L1", "impact: low", "component: cesiumjs", "partner: VCS", "status: external"] } },
    { description: "an edit by a bot", o: { sender: { login: "other-app[bot]", type: "Bot" } } },
    { description: "an edit of a closed issue", o: { state: "closed" as const } },
  ])("$description costs no request at all", async ({ o }) => {
    await probot.receive(edited(complete(), o)); // net connect is disabled and nothing is mocked
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a redelivered webhook (same delivery id) changes nothing a second time", async () => {
    nockStartWith(triagedTimeline());
    nockReply(c);
    const event = edited(formBody({ Component: "CesiumJS", Impact: "urgent!!", "What happened": "The globe is black." }));
    await probot.receive(event);
    expect(nock.isDone()).toBe(true);
    await probot.receive(event); // no interceptors left: any request would fail
    expect(c.comments).toHaveLength(1);
  });
});
