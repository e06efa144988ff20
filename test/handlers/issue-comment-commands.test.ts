import nock from "nock";
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMarkers } from "../../src/core/text/markers.js";
import { ORG } from "../fixtures/webhooks.js";
import {
  type Captured,
  DESK,
  L2_TICKET,
  NOW,
  captured,
  createCommentProbot,
  commentEvent,
  nockComments,
  nockFaqPullRequest,
  nockLabels,
  nockMembership,
  nockNoSupportOwners,
  nockOpenIssues,
  nockPermission,
  nockReply,
  nockStart,
  nockTeamMembers,
  nockUpdate,
} from "./issue-comment-harness.js";

const RECORD = [
  "/escalate",
  "### What happened",
  "The noise map of Athens shows no data since the last import.",
  "### When did it happen",
  "2026-11-26 from 10:15 (Europe/Athens), still happening",
  "### Nature of the occurrence",
  "Fault in the model run: the input arrives, the output is empty.",
].join("\n");

describe("issue_comment.created: each command", () => {
  let probot: Probot;
  let c: Captured;
  beforeEach(async () => {
    nock.disableNetConnect();
    probot = await createCommentProbot({ now: () => NOW });
    c = captured();
    nockStart();
    nockPermission(DESK, "write");
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("/tier L1 relabels, gives the new deadline on the desk's calendar, and costs at most 3 writes", async () => {
    nockLabels(c, [...L2_TICKET]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/tier L1"));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toEqual(["impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO", "tier: L1"]);
    expect(c.update!.assignees).toBeUndefined();
    expect(c.createdLabels).toEqual(["tier: L1"]);
    expect(c.comments[0]).toContain("> /tier L1\n\nMoved to **L1** (Tier I).");
    expect(c.comments[0]).toContain("L1 response due **Thu 26 Nov 2026, 15:00 EET (Europe/Athens)**");
    expect(c.writes).toBe(3);
  });

  it("/tier L3 hands the ticket to the component's owner team, with the two-working-day deadline on its calendar", async () => {
    nockNoSupportOwners();
    nockTeamMembers("duet-tno", ["tno-tom"]);
    nockLabels(c, ["tier: L3", ...L2_TICKET]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/tier L3"));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toEqual({ labels: ["impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO", "tier: L3"], assignees: ["tno-tom"] });
    expect(c.comments[0]).toContain("L3 response due **Mon 30 Nov 2026, 11:00 CET (Europe/Amsterdam)**: **TNO** answers within 2 working days (16 working hours)");
    expect(c.comments[0]).toContain("Assigned to @tno-tom.");
    expect(c.writes).toBe(2);
  });

  it("/tier L3 on a component the configuration no longer has relabels, assigns nobody and says why", async () => {
    const labels = ["tier: L2", "impact: medium", "component: old-portal", "partner: TNO"];
    nockNoSupportOwners();
    nockLabels(c, ["tier: L3", ...labels]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/tier L3", { labels }));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toContain("tier: L3");
    expect(c.update!.assignees).toBeUndefined();
    expect(c.comments[0]).toContain('"old-portal" is not a configured component');
  });

  it("/impact high moves the ticket up to L3 as triage would", async () => {
    nockNoSupportOwners();
    nockTeamMembers("duet-tno", ["tno-tom"]);
    nockLabels(c, ["tier: L3", "impact: high", ...L2_TICKET]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/impact high"));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toEqual(expect.arrayContaining(["tier: L3", "impact: high"]));
    expect(c.update!.labels).not.toContain("impact: medium");
    expect(c.comments[0]).toContain("A high-impact ticket enters L3, so it moves to L3.");
  });

  it("/component re-routes to the new owners: partner labels follow, the least-loaded member is assigned", async () => {
    nockNoSupportOwners();
    nockTeamMembers("duet-vcs", ["anna", "bert"]);
    nockOpenIssues([{ number: 7, assignees: ["anna"] }]);
    nockLabels(c, [...L2_TICKET]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/component CesiumJS", { assignees: ["tno-tom"] }));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toEqual({ labels: ["tier: L2", "impact: medium", "component: cesiumjs", "partner: VCS"], assignees: ["bert"] });
    expect(c.comments[0]).toContain("Component set to **CesiumJS** (`cesiumjs`), owned by **VCS**.");
    expect(c.comments[0]).toContain("Assigned to @bert.");
  });

  it("an assignee GitHub drops (no write access) is not claimed; the owner team is asked instead", async () => {
    nockNoSupportOwners();
    nockTeamMembers("duet-vcs", ["outsider"]);
    nockLabels(c, [...L2_TICKET, "component: cesiumjs", "partner: VCS"]);
    nockUpdate(c, () => []);
    nockReply(c);
    await probot.receive(commentEvent("/component cesiumjs"));
    expect(nock.isDone()).toBe(true);
    expect(c.comments[0]).not.toContain("Assigned to");
    expect(c.comments[0]).toContain("@outsider could not be assigned");
    expect(c.comments[0]).toContain(`cc @${ORG}/duet-vcs`);
  });

  it("/escalate with a complete record: L3, the owner team assigned, the record posted in the one reply with the L3 deadline", async () => {
    nockNoSupportOwners();
    nockTeamMembers("duet-tno", ["tno-tom", "tno-tess"]);
    nockOpenIssues([{ number: 4, assignees: ["tno-tom"] }]);
    nockLabels(c, [...L2_TICKET]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent(RECORD));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toEqual({ labels: ["impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO", "tier: L3"], assignees: ["tno-tess"] });
    const reply = c.comments[0]!;
    expect(reply).toContain("> /escalate");
    expect(reply).toContain("## Incident record");
    expect(reply).toContain("**Component:** Noise Modeller (Athens, Flanders) (`noise-modeller-athens-flanders`) · **Impact:** medium · **Recorded by:** @desk-dana");
    expect(reply).toContain("### Nature of the occurrence\n\nFault in the model run: the input arrives, the output is empty.");
    expect(reply).toContain("L3 response due **Mon 30 Nov 2026, 11:00 CET (Europe/Amsterdam)**");
    expect(reply).toContain(`cc @${ORG}/duet-tno`);
    expect(c.writes).toBe(3);
  });

  it("/escalate with an incomplete record changes nothing and sends the template back", async () => {
    nockReply(c);
    await probot.receive(commentEvent("/escalate\n### What happened\nThe map is empty."));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    const reply = c.comments[0]!;
    expect(reply).toContain(":x: **When did it happen**: The incident record needs “When did it happen”");
    expect(reply).toContain(":x: **Nature of the occurrence**:");
    expect(reply).toContain("```markdown\n/escalate\n\n### What happened");
    expect(c.writes).toBe(1);
  });

  it.each([
    { description: "/pause reporter adds status: needs-info", body: "/pause reporter", labels: L2_TICKET, added: "status: needs-info", removed: undefined, says: "waits on the reporter" },
    { description: "/pause external adds status: external", body: "/pause external", labels: L2_TICKET, added: "status: external", removed: undefined, says: "an external service" },
    { description: "/resume removes the pause label", body: "/resume", labels: [...L2_TICKET, "status: needs-info"], added: undefined, removed: "status: needs-info", says: "runs again" },
    { description: "/out-of-scope adds out-of-scope and drops the tier", body: "/out-of-scope", labels: L2_TICKET, added: "out-of-scope", removed: "tier: L2", says: "no response clock runs" },
    { description: "/in-scope brings the ticket back in the tier its impact enters", body: "/in-scope", labels: ["impact: medium", "out-of-scope"], added: "tier: L1", removed: "out-of-scope", says: "Back in scope." },
  ])("$description", async ({ body, labels, added, removed, says }) => {
    if (added) nockLabels(c, ["status: needs-info", "status: external", "out-of-scope", "tier: L1"]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent(body, { labels }));
    expect(nock.isDone()).toBe(true);
    if (added) expect(c.update!.labels).toContain(added);
    if (removed) expect(c.update!.labels).not.toContain(removed);
    expect(c.comments[0]).toContain(`> ${body}`);
    expect(c.comments[0]).toContain(says);
    expect(c.writes).toBeLessThanOrEqual(3);
  });

  it("/effort logs the desk's effort in a machine-readable marker, and changes no label", async () => {
    nockReply(c);
    await probot.receive(commentEvent("/effort 1.5h"));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    expect(c.comments[0]).toContain("Logged 1 h 30 min of L2 effort for ATC.");
    expect(readMarkers(c.comments[0]).find((m) => m.kind === "effort")).toEqual({
      kind: "effort",
      key: "5501",
      data: { partner: "ATC", minutes: 90, tier: "L2", by: DESK },
    });
    expect(c.writes).toBe(1);
  });

  it("/effort on an L3 ticket with two owners is booked to the owner team the person belongs to", async () => {
    nockMembership("duet-atc", DESK, false);
    nockMembership("duet-imec", DESK, true);
    nockReply(c);
    await probot.receive(commentEvent("/effort 1d", { labels: ["tier: L3", "impact: high", "component: data-catalogue", "partner: ATC", "partner: IMEC"] }));
    expect(nock.isDone()).toBe(true);
    expect(readMarkers(c.comments[0]).find((m) => m.kind === "effort")?.data).toMatchObject({ partner: "IMEC", minutes: 480, tier: "L3" });
  });

  it("/faq opens a pull request adding the issue's title and the given answer to the FAQ", async () => {
    nockFaqPullRequest(c, { faqFile: "# Frequently asked questions\n\n## How do I sign in?\n\nWith your city account.\n" });
    nockReply(c);
    await probot.receive(commentEvent("/faq\nRe-run the import from the Model Catalogue; the map refreshes within an hour."));
    expect(nock.isDone()).toBe(true);
    expect(c.files["duet-support/faq-1:docs/faq.md"]).toBe(
      "# Frequently asked questions\n\n## How do I sign in?\n\nWith your city account.\n\n## Noise map of Athens is empty\n\nRe-run the import from the Model Catalogue; the map refreshes within an hour.\n",
    );
    expect(c.pull).toMatchObject({ title: "FAQ: Noise map of Athens is empty", head: "duet-support/faq-1", base: "master" });
    expect(c.comments[0]).toContain("Proposed as a FAQ entry in #12");
  });

  it("/faq without an answer takes the desk's last comment, never the reporter's", async () => {
    nockComments([
      { id: 1, login: DESK, body: "Clear the cache and reload.", association: "MEMBER" },
      { id: 2, login: "reporter-rita", body: "That did not help.", association: "NONE" },
      { id: 3, login: "desk-dan", body: "Re-run the import; it works now.", association: "COLLABORATOR" },
      { id: 4, login: "duet-support[bot]", body: "Logged.", association: "NONE" },
    ]);
    nockFaqPullRequest(c);
    nockReply(c);
    await probot.receive(commentEvent("/faq"));
    expect(nock.isDone()).toBe(true);
    expect(c.files["duet-support/faq-1:docs/faq.md"]).toContain("## Noise map of Athens is empty\n\nRe-run the import; it works now.\n");
  });

  it("/faq a second time points to the pull request already open", async () => {
    nockFaqPullRequest(c, { branchExists: true, openPull: 12 });
    nockReply(c);
    await probot.receive(commentEvent("/faq\nAn answer."));
    expect(nock.isDone()).toBe(true);
    expect(c.comments[0]).toContain("already proposed as a FAQ entry in #12");
  });

  it("/faq for a question the FAQ already has opens nothing and says where it is", async () => {
    nockFaqPullRequest(c, { faqFile: "## Noise map of Athens is empty\n\nKnown.\n", readsOnly: true });
    nockReply(c);
    await probot.receive(commentEvent("/faq\nAn answer."));
    expect(nock.isDone()).toBe(true);
    expect(c.comments[0]).toContain("No pull request was opened");
    expect(c.comments[0]).toContain("**docs/faq.md:1**: the FAQ already asks");
  });

  it.each([
    { description: "/help lists every command", body: "/help", says: "| `/tier L1\\|L2\\|L3` |" },
    { description: "an unknown command is answered with the help", body: "/frobnicate now", says: "/frobnicate is not a command I know" },
    { description: "a wrong argument is answered, and nothing changes", body: "/tier L9", says: "/tier needs one of L1, L2 or L3, not “L9”." },
  ])("$description", async ({ body, says }) => {
    nockReply(c);
    await probot.receive(commentEvent(body));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    expect(c.comments[0]).toContain(`> ${body}`);
    expect(c.comments[0]).toContain(says);
  });
});
