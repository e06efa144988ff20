import nock from "nock";
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { renderMarker } from "../../src/core/text/markers.js";
import type { ReporterMailer } from "../../src/mail/notify-reporter.js";
import { ORG } from "../fixtures/webhooks.js";
import {
  type Captured,
  DESK,
  NOW,
  createCommentProbot,
  effortComment,
  issuesEvent,
  nockNoSupportOwners,
  nockReply,
  nockStart,
  nockTeamMembers,
  nockTicketHistory,
  useCommentProbot,
} from "./issue-comment-harness.js";

const L3_TICKET = ["tier: L3", "impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO"];
const CLOSED_AT = "2026-11-26T09:00:00Z";

/** Filed Tue 24 Nov 10:00 Athens; L1 answered in 1 h; L2 left unanswered for 4 h; L3 answered by TNO after 3 h. */
function historyOfSolvedTicket(extra: { appComments?: string[] } = {}) {
  const bot = "duet-support[bot]";
  nockTicketHistory({
    createdAt: "2026-11-24T08:00:00Z",
    labels: L3_TICKET,
    state: "CLOSED",
    closedAt: CLOSED_AT,
    timeline: [
      { kind: "labeled", label: "tier: L1", at: "2026-11-24T08:00:05Z" },
      { kind: "labeled", label: "component: noise-modeller-athens-flanders", at: "2026-11-24T08:00:05Z" },
      { kind: "comment", by: DESK, association: "MEMBER", body: "Which layer?", at: "2026-11-24T09:00:00Z" },
      { kind: "labeled", label: "tier: L2", at: "2026-11-24T10:00:00Z", by: DESK },
      { kind: "unlabeled", label: "tier: L1", at: "2026-11-24T10:00:00Z", by: DESK },
      { kind: "comment", by: bot, body: effortComment("901", { partner: "ATC", minutes: 90, tier: "L2" }), at: "2026-11-24T13:00:00Z" },
      { kind: "labeled", label: "tier: L3", at: "2026-11-24T14:00:00Z" },
      { kind: "unlabeled", label: "tier: L2", at: "2026-11-24T14:00:00Z" },
      { kind: "comment", by: "tno-tom", body: "On it.", at: "2026-11-25T09:00:00Z" },
      { kind: "comment", by: bot, body: effortComment("902", { partner: "TNO", minutes: 240, tier: "L3" }), at: "2026-11-25T15:00:00Z" },
      ...(extra.appComments ?? []).map((body) => ({ kind: "comment" as const, by: bot, body, at: "2026-11-26T09:00:10Z" })),
      { kind: "closed", at: CLOSED_AT },
    ],
  });
  nockNoSupportOwners();
  nockTeamMembers("duet-atc", [DESK]);
  nockTeamMembers("duet-tno", ["tno-tom"]);
}

describe("issues.closed: the resolution notice", () => {
  let probot: Probot;
  let c: Captured;
  useCommentProbot((p, cap) => {
    probot = p;
    c = cap;
  });

  it("an L3 ticket closed as completed informs ATC and DV: time per tier, each clock met or missed, effort logged", async () => {
    nockStart();
    historyOfSolvedTicket();
    nockReply(c);
    await probot.receive(issuesEvent("closed", { labels: L3_TICKET, stateReason: "completed", closedAt: CLOSED_AT }));
    expect(nock.isDone()).toBe(true);
    const notice = c.comments[0]!;
    expect(notice).toContain(`@${ORG}/duet-atc @${ORG}/duet-dv: for your information.`);
    expect(notice).toContain("**Time in each tier** (working time): L1 2 h · L2 4 h · L3 11 h");
    expect(notice).toContain("| L1 | 2026-11-24 08:00 UTC | 2026-11-24 09:00 UTC | 1 h / 3 h | met |");
    expect(notice).toContain("| L2 | 2026-11-24 10:00 UTC | none | 4 h / 3 h | **missed** |");
    expect(notice).toContain("| L3 | 2026-11-24 14:00 UTC | 2026-11-25 09:00 UTC | 3 h / 16 h | met |");
    expect(notice).toContain("**Effort logged:** 5 h 30 min in total: ATC 1 h 30 min (L2), TNO 4 h (L3).");
    expect(c.writes).toBe(1);
  });

  it("a redelivered close is reported once", async () => {
    nockStart();
    historyOfSolvedTicket();
    nockReply(c);
    const event = issuesEvent("closed", { labels: L3_TICKET, stateReason: "completed", closedAt: CLOSED_AT });
    await probot.receive(event);
    await probot.receive(event); // no interceptors left: any request would fail
    expect(c.comments).toHaveLength(1);
  });

  it("a close already reported (its marker is on the ticket) is not reported again", async () => {
    nockStart();
    historyOfSolvedTicket({ appComments: [`Resolved.\n\n${renderMarker({ kind: "resolution", key: new Date(CLOSED_AT).toISOString() })}`] });
    await probot.receive(issuesEvent("closed", { labels: L3_TICKET, stateReason: "completed", closedAt: CLOSED_AT }));
    expect(nock.isDone()).toBe(true);
    expect(c.comments).toHaveLength(0);
  });

  it.each([
    { description: "an L3 ticket closed as not planned", labels: L3_TICKET, stateReason: "not_planned" },
    { description: "an L2 ticket closed as completed", labels: ["tier: L2", "impact: low"], stateReason: "completed" },
    { description: "an issue with no tier", labels: [], stateReason: "completed" },
  ])("$description: nothing is posted or read", async ({ labels, stateReason }) => {
    await probot.receive(issuesEvent("closed", { labels, stateReason, closedAt: CLOSED_AT })); // nothing mocked: a request would fail
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a web-form ticket's reporter is e-mailed on any close", async () => {
    const told: string[] = [];
    const mailer: ReporterMailer = { notifyReporter: async (kind) => (told.push(kind), 1), ticketReopened: () => {} };
    probot = await createCommentProbot({ now: () => NOW, mailer });
    await probot.receive(issuesEvent("closed", { labels: ["tier: L1", "source: web-form"], stateReason: "not_planned", closedAt: CLOSED_AT }));
    expect(told).toEqual(["closed"]);
  });
});
