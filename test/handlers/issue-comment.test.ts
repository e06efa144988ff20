import nock from "nock";
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { renderMarker } from "../../src/core/text/markers.js";
import type { ReporterMailer } from "../../src/mail/notify-reporter.js";
import { ORG, webhookFixture } from "../fixtures/webhooks.js";
import {
  type Captured,
  DESK,
  L2_TICKET,
  NOW,
  REPORTER,
  commentEvent,
  createCommentProbot,
  nockComments,
  nockLabels,
  nockMembership,
  nockNoSupportOwners,
  nockPermission,
  nockReply,
  nockStart,
  nockTeamMembers,
  nockUpdate,
  useCommentProbot,
} from "./issue-comment-harness.js";

const OUTSIDER = "curious-carl";
/** The desk's team first (it answers L2), then the other partners' teams in the configuration's order. */
const ALL_TEAMS = ["duet-atc", "duet-imec", "duet-vcs", "duet-p4all", "duet-kul", "duet-tno", "duet-dv"];

describe("issue_comment.created: who may run commands, and what a comment costs", () => {
  let probot: Probot;
  let c: Captured;
  useCommentProbot((p, cap) => {
    probot = p;
    c = cap;
  });

  it("someone without write access or a support team gets one polite refusal, and nothing changes", async () => {
    nockStart();
    nockPermission(OUTSIDER, "read");
    for (const slug of ALL_TEAMS) nockMembership(slug, OUTSIDER, false);
    nockComments([]);
    nockReply(c);
    await probot.receive(commentEvent("/tier L3", { login: OUTSIDER }));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    expect(c.comments).toHaveLength(1);
    expect(c.comments[0]).toContain(`Thank you, @${OUTSIDER}.`);
    expect(c.comments[0]).toContain("nothing was changed");
  });

  it("the refusal is said once per issue and person", async () => {
    nockStart();
    nockPermission(OUTSIDER, 404);
    for (const slug of ALL_TEAMS) nockMembership(slug, OUTSIDER, false);
    nockComments([{ id: 1, login: "duet-support[bot]", body: `Thank you.\n\n${renderMarker({ kind: "refusal", key: OUTSIDER })}` }]);
    await probot.receive(commentEvent("/pause reporter", { login: OUTSIDER }));
    expect(nock.isDone()).toBe(true); // no comment was posted: nothing else was mocked
  });

  it("a member of a partner's team without write access may run commands; write access is asked first", async () => {
    nockStart();
    nockPermission("imec-ines", "read");
    nockMembership("duet-atc", "imec-ines", false);
    nockMembership("duet-imec", "imec-ines", true);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/resume", { login: "imec-ines", labels: [...L2_TICKET, "status: external"] }));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).not.toContain("status: external");
  });

  it("a member of a team listed in supportTeams may run commands", async () => {
    nockStart("supportTeams:\n  - helpdesk\n");
    nockPermission("helper-hal", "none");
    for (const slug of ALL_TEAMS) nockMembership(slug, "helper-hal", false);
    nockMembership("helpdesk", "helper-hal", true);
    nockReply(c);
    await probot.receive(commentEvent("/help", { login: "helper-hal" }));
    expect(nock.isDone()).toBe(true);
    expect(c.comments[0]).toContain("> /help");
  });

  it("several commands in one comment: one update, one reply quoting each line, within 3 writes", async () => {
    nockStart();
    nockPermission(DESK, "write");
    nockNoSupportOwners();
    nockTeamMembers("duet-tno", ["tno-tom"]);
    nockLabels(c, [...L2_TICKET]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("Moving this on.\n/tier L3\n/effort 2h\n/pause external\n/tier L7"));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toEqual({
      labels: ["impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO", "tier: L3", "status: external"],
      assignees: ["tno-tom"],
    });
    expect(c.createdLabels).toEqual(["tier: L3", "status: external"]);
    const reply = c.comments[0]!;
    const quoted = reply.split("\n").filter((l) => l.startsWith("> "));
    expect(quoted).toEqual(["> /tier L3", "> /effort 2h", "> /pause external", "> /tier L7"]);
    expect(reply).toContain("Logged 2 h of L3 effort for TNO.");
    expect(reply).toContain(":x: /tier needs one of L1, L2 or L3");
    expect(c.writes).toBe(3);
  });

  it("a redelivered webhook (same delivery id) changes nothing a second time", async () => {
    nockStart();
    nockPermission(DESK, "write");
    nockReply(c);
    const event = commentEvent("/effort 30m");
    await probot.receive(event);
    expect(nock.isDone()).toBe(true);
    await probot.receive(event); // no interceptors left: any request would fail
    expect(c.comments).toHaveLength(1);
  });

  it("an edited comment runs nothing again", async () => {
    const edited = webhookFixture("issue_comment", "edited", { comment: { body: "/tier L3" }, issue: { labels: L2_TICKET.map((name) => ({ name })) } });
    await probot.receive({ id: "edited-1", name: "issue_comment", payload: edited as never });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it.each([
    { description: "a comment by a bot", body: "/tier L3", o: { login: "other-app[bot]", userType: "Bot" } },
    { description: "a quoted command", body: "> /tier L3\nI disagree.", o: {} },
    { description: "a command inside a code block", body: "```\n/tier L3\n```", o: {} },
    { description: "an ordinary comment on a ticket with no warning", body: "Any news?", o: { login: REPORTER } },
    { description: "the reporter's comment on a ticket in warning", body: "Still broken.", o: { login: REPORTER, labels: [...L2_TICKET, "sla: warning"] } },
  ])("$description costs no request at all", async ({ body, o }) => {
    await probot.receive(commentEvent(body, o)); // net connect is disabled and nothing is mocked
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("the responsible side's first comment on a ticket in warning lifts `sla: warning` (one update, no reply)", async () => {
    nockStart();
    nockPermission("atc-anna", "read");
    nockMembership("duet-atc", "atc-anna", true);
    nockUpdate(c);
    await probot.receive(commentEvent("Looking into it now.", { login: "atc-anna", labels: [...L2_TICKET, "sla: warning"] }));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toEqual({ labels: L2_TICKET });
    expect(c.writes).toBe(1);
  });

  it("a comment from outside the responsible side leaves the warning", async () => {
    nockStart();
    nockPermission("vcs-vic", "read");
    nockMembership("duet-atc", "vcs-vic", false);
    await probot.receive(commentEvent("Not ours, I think.", { login: "vcs-vic", labels: [...L2_TICKET, "sla: warning"] }));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
  });

  it("a command from the responsible side also answers: the warning goes in the same update", async () => {
    nockStart();
    nockPermission(DESK, "write");
    nockLabels(c, ["status: needs-info"]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("Which browser?\n/pause reporter", { labels: [...L2_TICKET, "sla: warning"] }));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.labels).toEqual([...L2_TICKET, "status: needs-info"]);
    expect(c.writes).toBe(2);
  });

  it("the desk's answer on a web-form ticket e-mails its reporter", async () => {
    const told: { kind: string; number: number }[] = [];
    const mailer: ReporterMailer = {
      notifyReporter: async (kind, issue) => {
        told.push({ kind, number: issue.number });
        return 1;
      },
      ticketReopened: () => {},
    };
    probot = await createCommentProbot({ now: () => NOW, mailer });
    nockStart();
    nockPermission(DESK, "write");
    await probot.receive(commentEvent("Thanks, we are on it.", { labels: [...L2_TICKET, "source: web-form"] }));
    expect(nock.isDone()).toBe(true);
    expect(told).toEqual([{ kind: "answered", number: 1 }]);
  });

  it("an invalid configuration runs no command and says so once, naming the key", async () => {
    nockStart("sla:\n  warnAt: 0.5\n");
    nockComments([]);
    nockReply(c);
    await probot.receive(commentEvent("/tier L3"));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    expect(c.comments[0]).toContain('unknown key "warnAt"');
  });

  it("mentions the owner team when nobody in it can be read", async () => {
    nockStart();
    nockPermission(DESK, "write");
    nockNoSupportOwners();
    nockTeamMembers("duet-tno", 404);
    nockLabels(c, ["tier: L3"]);
    nockUpdate(c);
    nockReply(c);
    await probot.receive(commentEvent("/tier L3"));
    expect(nock.isDone()).toBe(true);
    expect(c.update!.assignees).toBeUndefined();
    expect(c.comments[0]).toContain(`The members of @${ORG}/duet-tno could not be read`);
    expect(c.comments[0]).toContain(`cc @${ORG}/duet-tno`);
  });
});
