import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BoardFields, EMPTY_BOARD_FIELDS, hasReportedBoardError, renderBoardError } from "../../src/core/board/index.js";
import { BoardCache, type BoardLog } from "../../src/github/board.js";
import { syncTicket } from "../../src/github/board-items.js";

const API = "https://api.github.com";
const REF = { owner: "duet", number: 1 };
const ISSUE = { owner: "duet", repo: "support", issue_number: 7 };
const WANTED: BoardFields = { tier: "L3", impact: "high", component: "message-broker", partner: "ATC", slaState: "on track", responseDue: "2026-11-30" };

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
let logged: string[];
const log: BoardLog = { info: (_f, m) => logged.push(`info: ${m}`), warn: (_f, m) => logged.push(`warn: ${m}`) };

beforeEach(() => {
  nock.disableNetConnect();
  logged = [];
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const opt = (name: string) => ({ id: `opt-${name}`, name, color: "GRAY", description: "" });
const SELECTS = { Tier: ["L1", "L2", "L3"], Impact: ["low", "medium", "high"], "SLA state": ["on track", "warning", "breached", "paused", "answered", "closed"] };
function boardFields(omit: string[] = [], omitOptions: string[] = []) {
  const nodes = [
    { __typename: "ProjectV2Field", id: "F-title", name: "Title", dataType: "TITLE" },
    ...Object.entries(SELECTS).map(([name, options]) => ({
      __typename: "ProjectV2SingleSelectField",
      id: `F-${name}`,
      name,
      dataType: "SINGLE_SELECT",
      options: options.filter((o) => !omitOptions.includes(o)).map(opt),
    })),
    { __typename: "ProjectV2Field", id: "F-Component", name: "Component", dataType: "TEXT" },
    { __typename: "ProjectV2Field", id: "F-Partner", name: "Partner", dataType: "TEXT" },
    { __typename: "ProjectV2Field", id: "F-Response due", name: "Response due", dataType: "DATE" },
  ].filter((f) => !omit.includes(f.name));
  return { data: { organization: { projectV2: { id: "P1", title: "Support", fields: { nodes } } } } };
}

const isQuery = (name: string) => (body: { query: string }) => body.query.includes(name);
const values = (fields: Partial<BoardFields>) =>
  Object.entries(fields).flatMap(([key, value]): Record<string, unknown>[] => {
    const field = { tier: "F-Tier", impact: "F-Impact", slaState: "F-SLA state", component: "F-Component", partner: "F-Partner", responseDue: "F-Response due" }[key]!;
    if (value === null) return [];
    if (["tier", "impact", "slaState"].includes(key)) return [{ __typename: "ProjectV2ItemFieldSingleSelectValue", optionId: `opt-${value}`, field: { id: field } }];
    if (key === "responseDue") return [{ __typename: "ProjectV2ItemFieldDateValue", date: value, field: { id: field } }];
    return [{ __typename: "ProjectV2ItemFieldTextValue", text: value, field: { id: field } }];
  });
const card = (fields: Partial<BoardFields> | null) => ({
  data: {
    repository: {
      issue: {
        id: "I_7",
        projectItems: {
          nodes: fields
            ? [
                { id: "OTHER", project: { id: "P9" }, fieldValues: { nodes: [] } },
                { id: "PVTI_7", project: { id: "P1" }, fieldValues: { nodes: [{ __typename: "ProjectV2ItemFieldTextValue", text: "Title", field: { id: "F-title" } }, ...values(fields)] } },
              ]
            : [],
        },
      },
    },
  },
});

/** The writes of one SetBoardFields request, as "field=value". */
function writesOf(body: { variables: Record<string, unknown> }): string[] {
  const v = body.variables;
  return Object.keys(v)
    .filter((k) => /^field\d+$/.test(k))
    .map((k) => {
      const i = k.slice(5);
      const value = v[`value${i}`] as Record<string, string> | undefined;
      return `${v[`item${i}`] as string} ${v[k] as string}=${value ? Object.values(value)[0] : "(cleared)"}`;
    });
}

describe("syncTicket: one change on the board", () => {
  it("adds a newly triaged ticket's card, then sets every field in one request", async () => {
    const sets: string[][] = [];
    const api = nock(API)
      .post("/graphql", isQuery("BoardFields")).reply(200, boardFields())
      .post("/graphql", isQuery("IssueBoardItem")).reply(200, card(null))
      .post("/graphql", (b: { query: string; variables: Record<string, unknown> }) => b.query.includes("addProjectV2ItemById") && b.variables.content0 === "I_7")
      .reply(200, { data: { a0: { item: { id: "PVTI_7", fieldValues: { nodes: [] } } } } })
      .post("/graphql", (b: { query: string; variables: Record<string, unknown> }) => isQuery("SetBoardFields")(b) && !!sets.push(writesOf(b)))
      .reply(200, { data: {} });
    const result = await syncTicket(octokit, new BoardCache(), REF, ISSUE, WANTED, log);
    expect(result).toMatchObject({ ok: true, added: true, requests: 3 });
    expect(sets).toEqual([
      [
        "PVTI_7 F-Tier=opt-L3",
        "PVTI_7 F-Impact=opt-high",
        "PVTI_7 F-Component=message-broker",
        "PVTI_7 F-Partner=ATC",
        "PVTI_7 F-SLA state=opt-on track",
        "PVTI_7 F-Response due=2026-11-30",
      ],
    ]);
    expect(api.isDone()).toBe(true);
  });

  it("writes an escalation's changed fields, and only those, in a single mutation", async () => {
    const sets: string[][] = [];
    const api = nock(API)
      .post("/graphql", isQuery("BoardFields")).reply(200, boardFields())
      .post("/graphql", isQuery("IssueBoardItem")).reply(200, card({ ...WANTED, tier: "L2", responseDue: "2026-11-26" }))
      .post("/graphql", (b: { query: string; variables: Record<string, unknown> }) => isQuery("SetBoardFields")(b) && !!sets.push(writesOf(b)))
      .reply(200, { data: {} });
    const result = await syncTicket(octokit, new BoardCache(), REF, ISSUE, WANTED, log);
    expect(result).toMatchObject({ ok: true, added: false, requests: 2 });
    expect(sets).toEqual([["PVTI_7 F-Tier=opt-L3", "PVTI_7 F-Response due=2026-11-30"]]);
    expect(api.isDone()).toBe(true);
  });

  it("clears a field that empties, e.g. the due date of a paused ticket", async () => {
    const sets: string[][] = [];
    nock(API)
      .post("/graphql", isQuery("BoardFields")).reply(200, boardFields())
      .post("/graphql", isQuery("IssueBoardItem")).reply(200, card(WANTED))
      .post("/graphql", (b: { query: string; variables: Record<string, unknown> }) => b.query.includes("clearProjectV2ItemFieldValue") && !!sets.push(writesOf(b)))
      .reply(200, { data: {} });
    await syncTicket(octokit, new BoardCache(), REF, ISSUE, { ...WANTED, slaState: "paused", responseDue: null }, log);
    expect(sets).toEqual([["PVTI_7 F-SLA state=opt-paused", "PVTI_7 F-Response due=(cleared)"]]);
  });

  it("writes nothing when the card already shows the labels", async () => {
    const api = nock(API)
      .post("/graphql", isQuery("BoardFields")).reply(200, boardFields())
      .post("/graphql", isQuery("IssueBoardItem")).reply(200, card(WANTED));
    const result = await syncTicket(octokit, new BoardCache(), REF, ISSUE, WANTED, log);
    expect(result).toMatchObject({ ok: true, changes: [], requests: 1 });
    expect(api.isDone()).toBe(true);
  });

  it("leaves an issue without a tier off the board", async () => {
    const api = nock(API)
      .post("/graphql", isQuery("BoardFields")).reply(200, boardFields())
      .post("/graphql", isQuery("IssueBoardItem")).reply(200, card(null));
    const result = await syncTicket(octokit, new BoardCache(), REF, ISSUE, EMPTY_BOARD_FIELDS, log);
    expect(result).toMatchObject({ ok: true, added: false, requests: 1 });
    expect(api.isDone()).toBe(true);
  });

  it("reads the board once per process: a second change costs only its own requests", async () => {
    const cache = new BoardCache();
    const api = nock(API)
      .post("/graphql", isQuery("BoardFields")).once().reply(200, boardFields())
      .post("/graphql", isQuery("IssueBoardItem")).twice().reply(200, card(WANTED));
    await syncTicket(octokit, cache, REF, ISSUE, WANTED, log);
    await syncTicket(octokit, cache, REF, ISSUE, WANTED, log);
    expect(api.isDone()).toBe(true);
  });
});

describe("syncTicket: a board that cannot be reached", () => {
  it.each([
    ["no Organization projects permission", { type: "FORBIDDEN", message: "Resource not accessible by integration" }, /permission/],
    ["no such board, or the app is not installed on the organisation", { type: "NOT_FOUND", message: "Could not resolve to a ProjectV2 with the number 1." }, /installed on the organisation/],
  ])("%s: answers ok:false once, then leaves the board alone for an hour", async (_description, error, reason) => {
    let now = Date.parse("2026-11-26T10:00:00Z");
    const cache = new BoardCache(() => now);
    const failing = () =>
      nock(API)
        .post("/graphql", isQuery("BoardFields"))
        .reply(200, { data: { organization: { projectV2: null } }, errors: [{ ...error, path: ["organization", "projectV2"] }] });
    failing();
    const first = await syncTicket(octokit, cache, REF, ISSUE, WANTED, log);
    expect(first).toMatchObject({ ok: false, isNew: true, reason: expect.stringMatching(reason) as string });
    expect(logged.filter((l) => l.startsWith("warn"))).toHaveLength(1);

    now += 30 * 60_000; // another change half an hour later: no request at all (net connect is off)
    expect(await syncTicket(octokit, cache, REF, ISSUE, WANTED, log)).toMatchObject({ ok: false, isNew: false });

    now += 31 * 60_000; // after the hour it tries once more
    const scope = failing();
    expect(await syncTicket(octokit, cache, REF, ISSUE, WANTED, log)).toMatchObject({ ok: false, isNew: true });
    expect(scope.isDone()).toBe(true);
  });

  it("the issue is told once: the comment carries a marker the next report looks for", () => {
    const body = renderBoardError(REF, "the app may not use the organisation's projects");
    expect(body).toContain("Organization projects");
    expect([hasReportedBoardError([body], REF), hasReportedBoardError([], REF), hasReportedBoardError([body], { owner: "duet", number: 2 })]).toEqual([true, false, false]);
  });

  it("a failure of GitHub itself is not mistaken for a missing permission", async () => {
    nock(API).post("/graphql").reply(502, { message: "Bad gateway" });
    await expect(syncTicket(octokit, new BoardCache(), REF, ISSUE, WANTED, log)).rejects.toMatchObject({ name: "GitHubUnavailable" });
  });
});

describe("syncTicket: a board that lacks fields", () => {
  it("creates the missing field and adds the missing option first, with a log line, then syncs", async () => {
    let setup: { query: string; variables: Record<string, unknown> } | undefined;
    const afterSetup = boardFields();
    const api = nock(API)
      .post("/graphql", isQuery("BoardFields")).reply(200, boardFields(["Response due"], ["answered"]))
      .post("/graphql", (b: { query: string; variables: Record<string, unknown> }) => isQuery("SetUpBoardFields")(b) && !!(setup = b))
      .reply(200, {
        data: {
          f0: { projectV2Field: afterSetup.data.organization.projectV2.fields.nodes.find((f) => f.name === "Response due") },
          f1: { projectV2Field: afterSetup.data.organization.projectV2.fields.nodes.find((f) => f.name === "SLA state") },
        },
      })
      .post("/graphql", isQuery("IssueBoardItem")).reply(200, card({ ...WANTED, responseDue: null }))
      .post("/graphql", isQuery("SetBoardFields")).reply(200, { data: {} });
    const result = await syncTicket(octokit, new BoardCache(), REF, ISSUE, WANTED, log);
    expect(result).toMatchObject({ ok: true, changes: [{ key: "responseDue", value: "2026-11-30" }] });
    expect(setup?.query).toContain("f0: createProjectV2Field");
    expect(setup?.variables).toMatchObject({ name0: "Response due", type0: "DATE" });
    expect(setup?.query).toContain("f1: updateProjectV2Field");
    // GitHub rewrites the whole list: the existing options first, the missing one added.
    expect((setup?.variables.options1 as { name: string }[]).map((o) => o.name)).toEqual(["on track", "warning", "breached", "paused", "closed", "answered"]);
    expect(logged).toEqual(expect.arrayContaining(['info: board: created field "Response due" (date)', 'info: board: created options "answered" of field "SLA state"']));
    expect(api.isDone()).toBe(true);
  });

  it("refuses a field of the wrong kind instead of writing into it", async () => {
    const fields = boardFields();
    fields.data.organization.projectV2.fields.nodes = fields.data.organization.projectV2.fields.nodes.map((f) =>
      f.name === "Tier" ? { __typename: "ProjectV2Field", id: "F-Tier", name: "Tier", dataType: "TEXT" } : f,
    );
    nock(API).post("/graphql", isQuery("BoardFields")).reply(200, fields);
    const result = await syncTicket(octokit, new BoardCache(), REF, ISSUE, WANTED, log);
    expect(result).toMatchObject({ ok: false, isNew: true, reason: expect.stringContaining('board field "Tier" is a text field') as string });
  });
});
