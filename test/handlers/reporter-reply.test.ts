/**
 * The reporter answers a ticket waiting for them: `status: needs-info` goes and the clock runs again
 * (one update, no reply). Anyone else's comment, a command, or an external pause costs what it did before.
 */
import nock from "nock";
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { KnownBoards } from "../../src/handlers/board-sync.js";
import { ORG, REPO } from "../fixtures/webhooks.js";
import { API, nockToken } from "../support/probot.js";
import {
  type Captured,
  DESK,
  NOW,
  REPORTER,
  commentEvent,
  createCommentProbot,
  nockComments,
  nockMembership,
  nockPermission,
  nockReply,
  nockRemoveLabel,
  nockStart,
  nockTicketHistory,
  useCommentProbot,
} from "./issue-comment-harness.js";

/** An L1 ticket on CesiumJS that triage sent back to its reporter. */
const WAITING = ["tier: L1", "component: cesiumjs", "partner: VCS", "status: needs-info"];
const ROUTED = ["tier: L1", "impact: low", "component: cesiumjs", "partner: VCS"];
const ALL_TEAMS = ["duet-atc", "duet-imec", "duet-vcs", "duet-p4all", "duet-kul", "duet-tno", "duet-dv"];

describe("issue_comment.created: the reporter's reply ends the pause for the reporter", () => {
  let probot: Probot;
  let c: Captured;
  useCommentProbot((p, cap) => {
    probot = p;
    c = cap;
  });

  it("the reporter's reply removes status: needs-info with one write and no reply", async () => {
    nockToken();
    nockPausedByDesk();
    nockRemoveLabel(c, "status: needs-info");
    await probot.receive(commentEvent("It happens in Firefox 128, since Monday.", { login: REPORTER, labels: WAITING }));
    expect(nock.isDone()).toBe(true);
    expect(c.removedLabels).toEqual(["status: needs-info"]);
    expect(c.update).toBeUndefined();
    expect(c.comments).toEqual([]);
    expect(c.writes).toBe(1);
  });

  it("on a ticket paused for both, only the reporter's pause ends: status: external stays", async () => {
    nockToken();
    nockPausedByDesk();
    nockRemoveLabel(c, "status: needs-info");
    await probot.receive(commentEvent("Here is the screenshot.", { login: REPORTER, labels: [...WAITING, "status: external"] }));
    expect(nock.isDone()).toBe(true);
    expect(c.removedLabels).toEqual(["status: needs-info"]);
  });

  it("a reply to a request triage found incomplete leaves the pause: the form's completion re-triages it", async () => {
    nockToken();
    nockTicketHistory({
      createdAt: "2026-11-26T08:00:00Z",
      labels: WAITING,
      state: "OPEN",
      timeline: [
        ...WAITING.map((label) => ({ kind: "labeled" as const, label, at: "2026-11-26T08:00:05Z" })),
        { kind: "comment", by: "duet-support[bot]", at: "2026-11-26T08:00:06Z", body: "Please complete it.\n\n<!-- duet-support:triage key=needs-info -->" },
      ],
    });
    await probot.receive(commentEvent("It's the Message Broker.", { login: REPORTER, labels: WAITING }));
    expect(nock.isDone()).toBe(true);
    expect(c.writes).toBe(0);
  });

  it.each([
    { description: "someone else's reply on a ticket waiting for its reporter", body: "Same here!", o: { login: "curious-carl", labels: WAITING } },
    { description: "the desk's reply on a ticket waiting for its reporter", body: "Any news?", o: { login: DESK, labels: WAITING } },
    { description: "the reporter's reply on a ticket paused for an external service", body: "Still broken.", o: { login: REPORTER, labels: [...ROUTED, "status: external"] } },
    { description: "the reporter's reply on a closed ticket", body: "Thanks!", o: { login: REPORTER, labels: WAITING, state: "closed" as const } },
  ])("$description costs no request at all", async ({ body, o }) => {
    await probot.receive(commentEvent(body, o)); // net connect is disabled and nothing is mocked
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a command from the reporter takes the commands' path: refused, and the pause stays", async () => {
    nockStart();
    nockPermission(REPORTER, "read");
    for (const slug of ALL_TEAMS) nockMembership(slug, REPORTER, false);
    nockComments([]);
    nockReply(c);
    await probot.receive(commentEvent("/resume", { login: REPORTER, labels: WAITING }));
    expect(nock.isDone()).toBe(true);
    expect(c.update).toBeUndefined();
    expect(c.comments[0]).toContain("nothing was changed");
  });

  it("a reporter's line that merely starts with a slash is a reply, not an unknown command", async () => {
    nockToken();
    nockPausedByDesk();
    nockRemoveLabel(c, "status: needs-info");
    await probot.receive(commentEvent("/tmp is full on my machine too.", { login: REPORTER, labels: WAITING }));
    expect(nock.isDone()).toBe(true);
    expect(c.removedLabels).toEqual(["status: needs-info"]);
    expect(c.comments).toEqual([]);
  });

  it("a redelivered webhook (same delivery id) changes nothing a second time", async () => {
    nockToken();
    nockPausedByDesk();
    nockRemoveLabel(c, "status: needs-info");
    const event = commentEvent("Firefox 128.", { login: REPORTER, labels: WAITING });
    await probot.receive(event);
    expect(nock.isDone()).toBe(true);
    await probot.receive(event); // no interceptors left: any request would fail
    expect(c.writes).toBe(1);
  });

  it("with a board, the card's SLA state goes from paused back to on track, read from the ticket's history", async () => {
    const known = new KnownBoards();
    known.note({ owner: ORG, repo: REPO }, { board: { owner: "duet", number: 1 } });
    probot = await createCommentProbot({ now: () => NOW, knownBoards: known });
    nockToken();
    nockPausedByDesk();
    nockRemoveLabel(c, "status: needs-info");
    nock(API).get(`/repos/${ORG}/${REPO}/contents/${encodeURIComponent(".github/duet-support.yml")}`)
      .reply(200, "board:\n  owner: duet\n  number: 1\n", { "content-type": "application/vnd.github.raw; charset=utf-8" });
    nockTicketHistory({
      createdAt: "2026-11-26T08:00:00Z",
      labels: WAITING.slice(0, 3),
      state: "OPEN",
      timeline: [
        ...WAITING.map((label) => ({ kind: "labeled" as const, label, at: "2026-11-26T08:00:05Z" })),
        { kind: "unlabeled", label: "status: needs-info", at: "2026-11-26T10:00:00Z" },
      ],
    });
    const sets = nockBoardWithPausedCard();
    await probot.receive(commentEvent("Firefox 128.", { login: REPORTER, labels: WAITING }));
    expect(nock.isDone()).toBe(true);
    expect(sets).toEqual([["SLA state=on track", "Response due=2026-11-26"]]);
  });
});

/** The ticket's history: routed, then paused by the desk's `/pause reporter` (no incomplete form). */
function nockPausedByDesk(): void {
  nockTicketHistory({
    createdAt: "2026-11-26T08:00:00Z",
    labels: WAITING,
    state: "OPEN",
    timeline: [
      ...ROUTED.map((label) => ({ kind: "labeled" as const, label, at: "2026-11-26T08:00:05Z" })),
      { kind: "comment", by: "duet-support[bot]", at: "2026-11-26T08:00:06Z", body: "Classified.\n\n<!-- duet-support:triage key=routed -->" },
      { kind: "labeled", label: "status: needs-info", at: "2026-11-26T09:00:00Z", by: DESK },
    ],
  });
}

type GqlBody = { query: string; variables: Record<string, unknown> };
const SELECTS: Record<string, readonly string[]> = { Tier: ["L1", "L2", "L3"], Impact: ["low", "medium", "high"], "SLA state": ["on track", "warning", "breached", "paused", "answered", "closed"] };

/** The board's fields, the ticket's card (paused, no due date), and the one write of what differs. */
function nockBoardWithPausedCard(): string[][] {
  const sets: string[][] = [];
  const field = (name: string, dataType: string) =>
    SELECTS[name]
      ? { __typename: "ProjectV2SingleSelectField", id: `F-${name}`, name, dataType, options: SELECTS[name]!.map((o) => ({ id: `opt-${o}`, name: o, color: "GRAY", description: "" })) }
      : { __typename: "ProjectV2Field", id: `F-${name}`, name, dataType };
  const fields = [field("Tier", "SINGLE_SELECT"), field("Impact", "SINGLE_SELECT"), field("Component", "TEXT"), field("Partner", "TEXT"), field("SLA state", "SINGLE_SELECT"), field("Response due", "DATE")];
  const select = (name: string, value: string) => ({ __typename: "ProjectV2ItemFieldSingleSelectValue", optionId: `opt-${value}`, field: { id: `F-${name}` } });
  const text = (name: string, value: string) => ({ __typename: "ProjectV2ItemFieldTextValue", text: value, field: { id: `F-${name}` } });
  const card = [select("Tier", "L1"), text("Component", "cesiumjs"), text("Partner", "VCS"), select("SLA state", "paused")];
  const api = nock(API);
  api.post("/graphql", (b: GqlBody) => b.query.includes("query BoardFields")).reply(200, { data: { organization: { projectV2: { id: "P1", title: "Support", fields: { nodes: fields } } } } });
  api.post("/graphql", (b: GqlBody) => b.query.includes("query IssueBoardItem"))
    .reply(200, { data: { repository: { issue: { id: "I_1", projectItems: { nodes: [{ id: "PVTI_1", project: { id: "P1" }, fieldValues: { nodes: card } }] } } } } });
  api.post("/graphql", (b: GqlBody) => {
    if (!b.query.includes("mutation SetBoardFields")) return false;
    const v = b.variables;
    sets.push(Object.keys(v).filter((k) => /^field\d+$/.test(k)).map((k) => {
      const value = v[`value${k.slice(5)}`] as Record<string, string> | undefined;
      return `${(v[k] as string).slice(2)}=${value ? Object.values(value)[0]!.replace(/^opt-/, "") : "(cleared)"}`;
    }));
    return true;
  }).reply(200, { data: {} });
  return sets;
}
