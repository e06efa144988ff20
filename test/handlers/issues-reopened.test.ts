import nock from "nock";
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import {
  type Captured,
  DESK,
  issuesEvent,
  nockNoSupportOwners,
  nockReply,
  nockStart,
  nockTeamMembers,
  nockTicketHistory,
  useCommentProbot,
} from "./issue-comment-harness.js";

const L2_LABELS = ["tier: L2", "impact: low", "component: message-broker", "partner: ATC"];

/** Filed Thu 26 Nov at 10:00 Athens in L2, closed half an hour later, reopened an hour after that. */
function history(comments: { by: string; at: string; association?: string }[] = []) {
  nockTicketHistory({
    createdAt: "2026-11-26T08:00:00Z",
    labels: L2_LABELS,
    state: "OPEN",
    timeline: [
      { kind: "labeled", label: "tier: L2", at: "2026-11-26T08:00:05Z" },
      { kind: "labeled", label: "component: message-broker", at: "2026-11-26T08:00:05Z" },
      ...comments.map((c) => ({ kind: "comment" as const, by: c.by, at: c.at, body: "Hello", association: c.association ?? "NONE" })),
      { kind: "closed", at: "2026-11-26T08:30:00Z" },
      { kind: "reopened", at: "2026-11-26T09:30:00Z" },
    ],
  });
  nockNoSupportOwners();
  nockTeamMembers("duet-atc", [DESK]);
}

describe("issues.reopened: clocks resume", () => {
  let probot: Probot;
  let c: Captured;
  useCommentProbot((p, cap) => {
    probot = p;
    c = cap;
  });

  it("an unanswered clock runs again, not counting the closed hour, and the note gives its new due time", async () => {
    nockStart();
    history();
    nockReply(c);
    await probot.receive(issuesEvent("reopened", { labels: L2_LABELS }));
    expect(nock.isDone()).toBe(true);
    expect(c.comments).toHaveLength(1);
    expect(c.comments[0]).toContain("L2 response clock runs again (1 h of 3 h used). Response due **Thu 26 Nov 2026, 14:00 EET (Europe/Athens)**.");
  });

  it("an answered ticket is reopened silently", async () => {
    nockStart();
    history([{ by: "someone-else", at: "2026-11-26T08:10:00Z", association: "NONE" }, { by: DESK, at: "2026-11-26T08:20:00Z" }]);
    await probot.receive(issuesEvent("reopened", { labels: L2_LABELS }));
    expect(nock.isDone()).toBe(true);
    expect(c.comments).toHaveLength(0);
  });

  it.each([
    { description: "a ticket without a tier", labels: ["impact: low"] },
    { description: "an out-of-scope ticket", labels: ["out-of-scope", "impact: low"] },
  ])("$description: nothing is read or posted", async ({ labels }) => {
    await probot.receive(issuesEvent("reopened", { labels })); // nothing mocked: a request would fail
    expect(nock.pendingMocks()).toEqual([]);
  });
});
