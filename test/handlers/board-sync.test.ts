/**
 * The board follows the app's changes (issue 9, Build 2): triage adds the card, a command writes
 * only the fields it changed, a first response and a close update the card, an unreachable board
 * is said once and left alone, and without `board` in the configuration no board request is made.
 */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { type BoardFields, BOARD_SLA_STATES } from "../../src/core/board/index.js";
import { hasMarker } from "../../src/core/text/markers.js";
import { KnownBoards } from "../../src/handlers/board-sync.js";
import type { Deps } from "../../src/handlers/deps.js";
import { ORG, REPO, formBody, webhookFixture } from "../fixtures/webhooks.js";
import { API } from "../support/probot.js";
import { DESK, L2_TICKET, NOW, commentEvent, issuesEvent, nockMembership, nockPermission, nockStart, nockTicketHistory } from "./issue-comment-harness.js";

const BOARD_CONFIG = "board:\n  owner: duet\n  number: 1\n";
const repoPath = `/repos/${ORG}/${REPO}`;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

let logged: string[];
let unmatched: string[];

/** The whole app, as createTestProbot loads it, with a logger whose warnings and errors the test reads. */
async function appWith(deps: Partial<Deps> = {}): Promise<Probot> {
  const log: Record<string, unknown> = { level: "info" };
  Object.assign(log, {
    child: () => log,
    fatal: (_o: unknown, m?: string) => logged.push(`fatal: ${m}`),
    error: (_o: unknown, m?: string) => logged.push(`error: ${m}`),
    warn: (_o: unknown, m?: string) => logged.push(`warn: ${m}`),
    info: () => {},
    debug: () => {},
    trace: () => {},
  });
  const probot = new Probot({
    appId: 123456,
    privateKey,
    secret: "test-secret",
    log: log as never,
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.load(createApp({ deps: { now: () => NOW, ...deps } }), { cwd: process.cwd(), addHandler: () => {} });
  return probot;
}

/** The app has read this repository's configuration before (at triage, say) and seen its board. */
function boardKnown(): KnownBoards {
  const known = new KnownBoards();
  known.note({ owner: ORG, repo: REPO }, { board: { owner: "duet", number: 1 } });
  return known;
}

// The board as GitHub answers for it: field ids "F-<name>", option ids "opt-<name>", so writes read "Tier=L1".
const SELECTS: Record<string, readonly string[]> = { Tier: ["L1", "L2", "L3"], Impact: ["low", "medium", "high"], "SLA state": BOARD_SLA_STATES };
const FIELD_NAMES: Record<keyof BoardFields, string> = { tier: "Tier", impact: "Impact", component: "Component", partner: "Partner", slaState: "SLA state", responseDue: "Response due" };
const KINDS: Record<string, string> = { Component: "TEXT", Partner: "TEXT", "Response due": "DATE" };

function fieldNode(name: string, dataType = SELECTS[name] ? "SINGLE_SELECT" : KINDS[name]!) {
  return dataType === "SINGLE_SELECT"
    ? { __typename: "ProjectV2SingleSelectField", id: `F-${name}`, name, dataType, options: SELECTS[name]!.map((o) => ({ id: `opt-${o}`, name: o, color: "GRAY", description: "" })) }
    : { __typename: "ProjectV2Field", id: `F-${name}`, name, dataType };
}

function cardValues(fields: Partial<BoardFields>) {
  return Object.entries(fields).flatMap(([key, value]): Record<string, unknown>[] => {
    const name = FIELD_NAMES[key as keyof BoardFields];
    const field = { id: `F-${name}` };
    if (value === null || value === undefined) return [];
    if (SELECTS[name]) return [{ __typename: "ProjectV2ItemFieldSingleSelectValue", optionId: `opt-${value}`, field }];
    if (name === "Response due") return [{ __typename: "ProjectV2ItemFieldDateValue", date: value, field }];
    return [{ __typename: "ProjectV2ItemFieldTextValue", text: value, field }];
  });
}

interface BoardCapture {
  added: string[];
  /** Each SetBoardFields request's writes, as "Field=value". */
  sets: string[][];
  setUp: string[];
}

type GqlBody = { query: string; variables: Record<string, unknown> };
const operation = (name: string) => (body: GqlBody) => body.query.includes(name);

/**
 * The board's requests in order: its fields (some `missing`, created once), the issue's card unless
 * the issue is new (`card` undefined; null: none yet), the add when there is no card, the one write.
 */
function nockBoard(c: BoardCapture, o: { missing?: string[]; card?: Partial<BoardFields> | null; sets?: boolean } = {}): void {
  const api = nock(API);
  const present = [...Object.values(FIELD_NAMES)].filter((n) => !o.missing?.includes(n));
  api.post("/graphql", operation("query BoardFields")).reply(200, { data: { organization: { projectV2: { id: "P1", title: "Support", fields: { nodes: [fieldNode("Title", "TITLE"), ...present.map((n) => fieldNode(n))] } } } } });
  if (o.missing?.length) {
    api.post("/graphql", operation("mutation SetUpBoardFields")).reply(200, (_uri, body) => {
      const { variables } = body as GqlBody;
      const created = Object.keys(variables).filter((k) => /^name\d+$/.test(k)).map((k) => [k.slice(4), variables[k] as string] as const);
      c.setUp.push(...created.map(([, name]) => name));
      return { data: Object.fromEntries(created.map(([i, name]) => [`f${i}`, { projectV2Field: fieldNode(name) }])) };
    });
  }
  if (o.card !== undefined) {
    const nodes = o.card ? [{ id: "PVTI_1", project: { id: "P1" }, fieldValues: { nodes: cardValues(o.card) } }] : [];
    api.post("/graphql", operation("query IssueBoardItem")).reply(200, { data: { repository: { issue: { id: "I_1", projectItems: { nodes } } } } });
  }
  if (!o.card) {
    api.post("/graphql", (body: GqlBody) => operation("mutation AddBoardItems")(body) && !!c.added.push(body.variables.content0 as string))
      .reply(200, { data: { a0: { item: { id: "PVTI_1", fieldValues: { nodes: [] } } } } });
  }
  if (o.sets === false) return;
  api.post("/graphql", (body: GqlBody) => operation("mutation SetBoardFields")(body) && !!c.sets.push(writesOf(body.variables))).reply(200, { data: {} });
}

function writesOf(v: Record<string, unknown>): string[] {
  return Object.keys(v)
    .filter((k) => /^field\d+$/.test(k))
    .map((k) => {
      const value = v[`value${k.slice(5)}`] as Record<string, string> | undefined;
      return `${(v[k] as string).slice(2)}=${value ? Object.values(value)[0]!.replace(/^opt-/, "") : "(cleared)"}`;
    });
}

/** The triage of a new CesiumJS question: config, FAQ, SUPPORT_OWNERS and team reads; labels, update and reply. */
function nockTriage(comments: string[], configFile?: string): void {
  const api = nockStart(configFile);
  api.get(`${repoPath}/contents/${encodeURIComponent("docs/faq.md")}`).reply(404, { message: "Not Found" });
  api.get(`${repoPath}/contents/${encodeURIComponent(".github/SUPPORT_OWNERS")}`).reply(404, { message: "Not Found" });
  api.get(`/orgs/${ORG}/teams/duet-vcs/members`).query(true).reply(200, [{ login: "vera", id: 1, type: "User" }]);
  nockRepoWrites(comments, []);
  api.patch(`${repoPath}/issues/1`).reply(200, (_uri, body) => ({ number: 1, labels: (body as { labels: string[] }).labels.map((name) => ({ name })), assignees: [{ login: "vera" }] }));
}

/** The label list (read only when labels are added), the one request creating missing labels, and the app's comments. */
function nockRepoWrites(comments: string[], existingLabels: string[]): void {
  const api = nock(API);
  api.get(`${repoPath}/labels`).query(true).optionally().reply(200, existingLabels.map((name, i) => ({ id: i, name, color: "ededed", description: null, default: false })));
  api.post("/graphql", operation("mutation CreateSupportLabels")).optionally().reply(200, { data: {} });
  api.post(`${repoPath}/issues/1/comments`, (body: { body: string }) => !!comments.push(body.body)).times(2).optionally().reply(201, { id: 1, html_url: "https://github.com/x" });
}

function opened(number = 1) {
  const body = formBody({ Component: "CesiumJS", Impact: "low", "Request type": "bug", "What happened": "The globe is black.", "When did it happen": "Today", Where: "platform" });
  return {
    id: `opened-${number}-${Math.random()}`,
    name: "issues" as const,
    payload: webhookFixture("issues", "opened", { issue: { number, body, created_at: "2026-11-26T08:00:00Z", labels: [], assignees: [], assignee: null } }) as never,
  };
}
const nodeIdOf = (event: { payload: unknown }) => (event.payload as { issue: { node_id: string } }).issue.node_id;

const L2_CARD: BoardFields = { tier: "L2", impact: "medium", component: "noise-modeller-athens-flanders", partner: "TNO", slaState: "on track", responseDue: "2026-11-26" };

describe("the board follows the app's changes", () => {
  let c: BoardCapture;
  const onNoMatch = (req: { method: string; path: string }) => unmatched.push(`${req.method} ${req.path}`);
  beforeEach(() => {
    nock.disableNetConnect();
    nock.emitter.on("no match", onNoMatch);
    c = { added: [], sets: [], setUp: [] };
    logged = [];
    unmatched = [];
  });
  afterEach(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it.each([
    { description: "has every field", missing: [] },
    { description: "lacks SLA state and Response due (created once, then set)", missing: ["SLA state", "Response due"] },
  ])("a triaged ticket's card is added with tier, impact, component, partner, SLA state and due date: the board $description", async ({ missing }) => {
    const probot = await appWith();
    const comments: string[] = [];
    nockTriage(comments, BOARD_CONFIG);
    nockBoard(c, { missing });
    const event = opened();
    await probot.receive(event);
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(c.setUp).toEqual(missing);
    expect(c.added).toEqual([nodeIdOf(event)]);
    // 10:00 in Athens + 3 working hours: due the same day, in the desk's terms.
    expect(c.sets).toEqual([["Tier=L1", "Impact=low", "Component=cesiumjs", "Partner=VCS", "SLA state=on track", "Response due=2026-11-26"]]);
    expect(comments).toHaveLength(1); // the triage reply only
  });

  it("/tier L1 writes only the tier, in one mutation, without reading the ticket's history", async () => {
    const probot = await appWith();
    const comments: string[] = [];
    nockStart(BOARD_CONFIG);
    nockPermission(DESK, "write");
    nockRepoWrites(comments, [...L2_TICKET, "tier: L1"]);
    nock(API).patch(`${repoPath}/issues/1`).reply(200, (_uri, body) => ({ number: 1, labels: (body as { labels: string[] }).labels.map((name) => ({ name })), assignees: [] }));
    nockBoard(c, { card: L2_CARD });
    await probot.receive(commentEvent("/tier L1"));
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(c.sets).toEqual([["Tier=L1"]]);
  });

  it("/resume reads the ticket's history once (one query) and the card runs again with its due date", async () => {
    const probot = await appWith();
    const comments: string[] = [];
    nockStart(BOARD_CONFIG);
    nockPermission("imec-ivo", "read"); // a partner's person who may run commands but does not answer L2
    nockMembership("duet-atc", "imec-ivo", false);
    nockMembership("duet-imec", "imec-ivo", true);
    nockRepoWrites(comments, [...L2_TICKET, "status: needs-info"]);
    nock(API).patch(`${repoPath}/issues/1`).reply(200, (_uri, body) => ({ number: 1, labels: (body as { labels: string[] }).labels.map((name) => ({ name })), assignees: [] }));
    nockBoard(c, { card: { ...L2_CARD, slaState: "paused", responseDue: null } });
    // Filed 09:00 Athens, paused at 09:30 waiting on the reporter, resumed now (12:00): 150 minutes left.
    nockTicketHistory({
      createdAt: "2026-11-26T07:00:00Z",
      labels: L2_TICKET,
      state: "OPEN",
      timeline: [
        ...L2_TICKET.map((label) => ({ kind: "labeled" as const, label, at: "2026-11-26T07:00:05Z" })),
        { kind: "labeled", label: "status: needs-info", at: "2026-11-26T07:30:00Z", by: DESK },
        { kind: "comment", by: "imec-ivo", body: "/resume", at: NOW.toISOString(), association: "CONTRIBUTOR" },
        { kind: "unlabeled", label: "status: needs-info", at: NOW.toISOString() },
      ],
    });
    await probot.receive(commentEvent("/resume", { login: "imec-ivo", labels: [...L2_TICKET, "status: needs-info"] }));
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(c.sets).toEqual([["SLA state=on track", "Response due=2026-11-26"]]);
  });

  it("the responsible side's first plain comment marks the card answered and clears its due date", async () => {
    const probot = await appWith({ knownBoards: boardKnown() });
    nockStart(BOARD_CONFIG);
    nockPermission("atc-anna", "read");
    nockMembership("duet-atc", "atc-anna", true);
    nockBoard(c, { card: L2_CARD });
    await probot.receive(commentEvent("Looking into it now.", { login: "atc-anna" }));
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(c.sets).toEqual([["SLA state=answered", "Response due=(cleared)"]]);
  });

  it("closing a ticket marks its card closed and clears its due date, reading no history", async () => {
    const probot = await appWith({ knownBoards: boardKnown() });
    nockStart(BOARD_CONFIG);
    nockBoard(c, { card: L2_CARD });
    await probot.receive(issuesEvent("closed", { labels: L2_TICKET, stateReason: "completed", closedAt: NOW.toISOString() }));
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(c.sets).toEqual([["SLA state=closed", "Response due=(cleared)"]]);
  });

  it("a card already showing the ticket as it is gets no write", async () => {
    const probot = await appWith({ knownBoards: boardKnown() });
    nockStart(BOARD_CONFIG);
    nockBoard(c, { card: { ...L2_CARD, slaState: "closed", responseDue: null }, sets: false });
    await probot.receive(issuesEvent("closed", { labels: L2_TICKET, stateReason: "not_planned", closedAt: NOW.toISOString() }));
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(c.sets).toEqual([]);
  });

  it("a board the app cannot reach is said once on the issue and in the log, and not asked again on the next event", async () => {
    const probot = await appWith();
    const comments: string[] = [];
    nockTriage(comments, BOARD_CONFIG);
    nock(API).post("/graphql", operation("query BoardFields"))
      .reply(200, { data: { organization: { projectV2: null } }, errors: [{ type: "FORBIDDEN", path: ["organization", "projectV2"], message: "Resource not accessible by integration" }] });
    await probot.receive(opened());
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(comments).toHaveLength(2);
    expect(comments[1]).toContain("The support board (project 1 of the **duet** organisation) could not be updated");
    expect(hasMarker(comments[1], "board-error", "duet/1")).toBe(true);
    expect(logged.filter((l) => l.includes("board duet/1 cannot be reached"))).toHaveLength(1);

    // The next change (token and label list are cached from the first): the command does its work;
    // the board is neither read nor reported again.
    const next: string[] = [];
    const api = nock(API);
    api.get(`${repoPath}/contents/${encodeURIComponent(".github/duet-support.yml")}`).reply(200, BOARD_CONFIG, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    nockPermission(DESK, "write");
    api.post("/graphql", operation("mutation CreateSupportLabels")).optionally().reply(200, { data: {} });
    api.patch(`${repoPath}/issues/1`).reply(200, (_uri, body) => ({ number: 1, labels: (body as { labels: string[] }).labels.map((name) => ({ name })), assignees: [] }));
    api.post(`${repoPath}/issues/1/comments`, (body: { body: string }) => !!next.push(body.body)).reply(201, { id: 2 });
    await probot.receive(commentEvent("/tier L2", { labels: ["tier: L1", "impact: low", "component: cesiumjs", "partner: VCS"] }));
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(next).toHaveLength(1);
    expect(next[0]).toContain("Moved to **L2**");
    expect(logged.filter((l) => l.includes("cannot be reached"))).toHaveLength(1);
  });

  it("without a board in the configuration, triage makes no board request", async () => {
    const probot = await appWith();
    const comments: string[] = [];
    nockTriage(comments);
    await probot.receive(opened());
    expect(unmatched).toEqual([]);
    expect(nock.isDone()).toBe(true);
    expect(comments).toHaveLength(1);
    expect(logged).toEqual([]);
  });
});
