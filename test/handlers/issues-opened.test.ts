import nock from "nock";
import type { Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/core/config/index.js";
import { ORG, REPO, formBody, webhookFixture } from "../fixtures/webhooks.js";
import { API, createTestProbot, nockToken } from "../support/probot.js";

const NOW = new Date("2026-11-26T10:00:00Z"); // a Thursday
const CREATED = "2026-11-26T08:00:00Z"; // 10:00 in Athens, 09:00 in Amsterdam
const config = defaultConfig();

interface Expectation {
  configFile?: string | null;
  /** The SUPPORT_OWNERS file's text, null when the repository has none, undefined when it is not read. */
  ownersFile?: string | null;
  teams?: Record<string, string[] | number>;
  openIssues?: { number: number; assignees: string[] }[];
  /** The FAQ file's text, null when the repository has none, undefined when it is not read. */
  faqFile?: string | null;
  existingLabels?: string[];
  assignedByGitHub?: (requested: string[]) => string[];
}

interface Captured {
  update?: { labels: string[]; assignees?: string[] };
  comment?: string;
  createdLabels?: Record<string, string>;
  writes: number;
}

/** The whole conversation with GitHub for one new issue, in request order. */
function expectTriage(e: Expectation = {}): Captured {
  const captured: Captured = { writes: 0 };
  const api = nock(API);
  nockToken(api);
  const configPath = `/repos/${ORG}/${REPO}/contents/${encodeURIComponent(".github/duet-support.yml")}`;
  if (e.configFile) api.get(configPath).reply(200, e.configFile, { "content-type": "application/vnd.github.raw; charset=utf-8" });
  else {
    api.get(configPath).reply(404, { message: "Not Found" });
    api.get(`/repos/${ORG}/.github/contents/${encodeURIComponent(".github/duet-support.yml")}`).reply(404, { message: "Not Found" });
  }
  const ownersPath = `/repos/${ORG}/${REPO}/contents/${encodeURIComponent(".github/SUPPORT_OWNERS")}`;
  const faqPath = `/repos/${ORG}/${REPO}/contents/${encodeURIComponent("docs/faq.md")}`;
  if (e.faqFile === null) api.get(faqPath).reply(404, { message: "Not Found" });
  else if (e.faqFile !== undefined) api.get(faqPath).reply(200, contentsOf("docs/faq.md", e.faqFile));
  if (e.ownersFile === undefined) return captured; // not a routed request (or an invalid config): nothing more is read
  if (e.ownersFile === null) api.get(ownersPath).reply(404, { message: "Not Found" });
  else {
    api.get(ownersPath).reply(200, contentsOf(".github/SUPPORT_OWNERS", e.ownersFile));
  }
  const teams = e.teams ?? {};
  for (const [slug, members] of Object.entries(teams)) {
    const path = `/orgs/${ORG}/teams/${slug}/members`;
    if (typeof members === "number") api.get(path).query(true).reply(members, { message: "Not Found" });
    else api.get(path).query(true).reply(200, members.map((login, i) => user(login, i)));
  }
  const people = new Set(Object.values(teams).flatMap((m) => (Array.isArray(m) ? m : [])));
  if (people.size > 1) {
    api.get(`/repos/${ORG}/${REPO}/issues`).query({ state: "open", per_page: "100" })
      .reply(200, (e.openIssues ?? []).map((i) => ({ number: i.number, title: "x", state: "open", assignees: i.assignees.map(user) })));
  }
  return captured;
}

/** The writes that follow the reads: label creation (when missing), the update, the reply. */
function expectWrites(captured: Captured, e: Expectation = {}): void {
  const api = nock(API);
  api.get(`/repos/${ORG}/${REPO}/labels`).query(true).reply(200, (e.existingLabels ?? []).map((name, i) => ({ id: i, name, color: "ededed", description: null, default: false })));
  api.post("/graphql", (body: { query: string; variables: Record<string, string> }) => {
    if (!body.query.startsWith("mutation")) return false;
    captured.createdLabels = Object.fromEntries(Object.entries(body.variables).filter(([k]) => k.startsWith("name")).map(([k, v]) => [v, body.variables[k.replace("name", "color")]!]));
    return true;
  }).optionally().reply(200, () => {
    captured.writes++;
    return { data: {} };
  });
  api.patch(`/repos/${ORG}/${REPO}/issues/1`, (body: Captured["update"]) => {
    captured.update = body;
    return true;
  }).reply(200, () => {
    captured.writes++;
    const assignees = e.assignedByGitHub ? e.assignedByGitHub(captured.update?.assignees ?? []) : (captured.update?.assignees ?? []);
    return { number: 1, labels: captured.update!.labels.map((name) => ({ name })), assignees: assignees.map(user) };
  });
  api.post(`/repos/${ORG}/${REPO}/issues/1/comments`, (body: { body: string }) => {
    captured.comment = body.body;
    return true;
  }).reply(201, () => {
    captured.writes++;
    return { id: 9001, html_url: `https://github.com/${ORG}/${REPO}/issues/1#issuecomment-9001` };
  });
}

/** A file as GitHub's contents API answers for it. */
function contentsOf(path: string, text: string) {
  return {
    type: "file",
    encoding: "base64",
    name: path.split("/").pop(),
    path,
    sha: "3d21ec53a331a6f037a91c368710b99387d012c1",
    size: text.length,
    content: Buffer.from(text).toString("base64"),
  };
}

function user(login: string, i = 0) {
  return { login, id: 1000 + i, node_id: `U_${login}`, type: "User", site_admin: false, html_url: `https://github.com/${login}` };
}

function opened(body: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `delivery-${Math.random().toString(36).slice(2)}`,
    name: "issues" as const,
    payload: webhookFixture("issues", "opened", { issue: { body, created_at: CREATED, labels: [], assignees: [], assignee: null, ...overrides } }) as never,
  };
}

const bug = (component: string, impact = "low") =>
  formBody({ Component: component, Impact: impact, "Request type": "bug", "What happened": "The 3D map shows no buildings.", "When did it happen": "This morning, 09:10", Where: "platform" });

describe("issues.opened: triage", () => {
  let probot: Probot;
  beforeEach(async () => {
    nock.disableNetConnect();
    probot = await createTestProbot({ deps: { now: () => NOW } });
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const components = Object.entries(config.components).map(([id, c]) => ({ id, name: c.name, owners: c.owners }));
  it.each(components)("$name goes to the team of its owner(s) $owners", async ({ id, name, owners }) => {
    const teams = Object.fromEntries(owners.map((p) => [config.partners[p]!.team, [`${p.toLowerCase()}-dev`]]));
    const captured = expectTriage({ faqFile: null, ownersFile: null, teams });
    expectWrites(captured);
    await probot.receive(opened(bug(name)));
    expect(nock.isDone()).toBe(true);
    expect(captured.update!.labels).toEqual(
      expect.arrayContaining(["tier: L1", "impact: low", `component: ${id}`, ...owners.map((p) => `partner: ${p}`)]),
    );
    expect(owners.map((p) => `${p.toLowerCase()}-dev`)).toContain(captured.update!.assignees![0]);
    expect(captured.comment).toContain(`\`${id}\``);
  });

  it.each([
    { impact: "low", tier: "L1", due: "13:00", zone: "Europe/Athens" },
    { impact: "medium", tier: "L1", due: "13:00", zone: "Europe/Athens" },
    { impact: "high", tier: "L3", due: "Fri 27 Nov", zone: "Europe/Amsterdam" },
  ])("$impact impact enters $tier with the deadline in the responsible team's time", async ({ impact, tier, due, zone }) => {
    const captured = expectTriage({ faqFile: null, ownersFile: null, teams: { "duet-tno": ["tno-dev"] } });
    expectWrites(captured);
    await probot.receive(opened(bug("Noise Modeller (Athens, Flanders)", impact)));
    expect(nock.isDone()).toBe(true);
    expect(captured.update!.labels).toContain(`tier: ${tier}`);
    expect(captured.update!.labels).toContain(`impact: ${impact}`);
    expect(captured.comment).toContain(due);
    expect(captured.comment).toContain(zone);
    if (tier === "L3") expect(captured.comment).toContain(`@${ORG}/duet-atc`);
    else expect(captured.comment).not.toContain(`@${ORG}/duet-atc`);
  });

  it.each(["feature request", "infrastructure change"])("a %s is labelled out-of-scope with the policy quoted, and nobody is assigned", async (type) => {
    const captured = expectTriage();
    expectWrites(captured);
    await probot.receive(opened(formBody({ Component: "API Gateway", Impact: "low", "Request type": type, "What happened": "Please add SSO.", "When did it happen": "n/a" })));
    expect(nock.isDone()).toBe(true);
    expect(captured.update!.labels).toContain("out-of-scope");
    expect(captured.update!.labels.some((l) => l.startsWith("tier: "))).toBe(false);
    expect(captured.update!.assignees).toBeUndefined();
    expect(captured.comment).toContain("> The technical support excludes infrastructural updates and implementation of new functionalities");
  });

  it("a request with missing fields gets the precise list and status: needs-info", async () => {
    const captured = expectTriage({ faqFile: null });
    expectWrites(captured);
    await probot.receive(opened(formBody({ Component: "CesiumJS", Impact: "urgent!!" })));
    expect(nock.isDone()).toBe(true);
    expect(captured.update!.labels).toEqual(expect.arrayContaining(["status: needs-info", "tier: L1", "component: cesiumjs", "partner: VCS"]));
    expect(captured.comment).toContain("**Request type**: missing");
    expect(captured.comment).toContain("**What happened**: missing");
    expect(captured.comment).toContain("**When did it happen**: missing");
    expect(captured.comment).toMatch(/\*\*Impact\*\*: "urgent!!" is not an impact/);
    expect(captured.comment).not.toContain("**Component**");
  });

  it("an issue opened without the form lists every required field", async () => {
    const captured = expectTriage({ faqFile: null });
    expectWrites(captured);
    await probot.receive(opened("The map is broken, please help."));
    expect(nock.isDone()).toBe(true);
    for (const field of ["Component", "Impact", "Request type", "What happened", "When did it happen"]) {
      expect(captured.comment).toContain(`**${field}**: missing`);
    }
  });

  it("an invalid configuration changes nothing and says so once, naming the file and keys", async () => {
    const captured = expectTriage({ configFile: "partners:\n  TNO:\n    timeZone: Europe/Amsterdm\nsla:\n  warnAt: 0.5\n" });
    nock(API).post(`/repos/${ORG}/${REPO}/issues/1/comments`, (body: { body: string }) => {
      captured.comment = body.body;
      return true;
    }).reply(201, { id: 1 });
    await probot.receive(opened(bug("GLayer (with InnoConnect)")));
    expect(nock.isDone()).toBe(true);
    expect(captured.comment).toContain("configuration is invalid");
    expect(captured.comment).toContain(".github/duet-support.yml: sla.warnAt");
    expect(captured.comment).toContain('unknown key "warnAt"');
  });

  it("a SUPPORT_OWNERS file with a bad line is reported with its line number", async () => {
    const captured = expectTriage({ ownersFile: "# owners\nglayer @duet/duet-p4all\ncesiumjs not-a-handle\n" });
    nock(API).post(`/repos/${ORG}/${REPO}/issues/1/comments`, (body: { body: string }) => {
      captured.comment = body.body;
      return true;
    }).reply(201, { id: 1 });
    await probot.receive(opened(bug("GLayer (with InnoConnect)")));
    expect(nock.isDone()).toBe(true);
    expect(captured.comment).toContain(".github/SUPPORT_OWNERS:3");
  });

  it("SUPPORT_OWNERS routes a component to the team it names, last match winning", async () => {
    const owners = "* @duet/duet-atc\nnoise-* @duet/noise-squad\n";
    const captured = expectTriage({ faqFile: null, ownersFile: owners, teams: { "noise-squad": ["nina"] } });
    expectWrites(captured);
    await probot.receive(opened(bug("Noise Modeller (Pilsen)")));
    expect(nock.isDone()).toBe(true);
    expect(captured.update!.assignees).toEqual(["nina"]);
  });

  it("the FAQ entries most likely to help are linked in the reply", async () => {
    const faq = "# FAQ\n\n## Why is the 3D map empty after login?\n\nClear the browser cache and reload the map; buildings load after the terrain.\n\n## How do I export a noise map?\n\nUse the export button of the layer panel.\n";
    const captured = expectTriage({ faqFile: faq, ownersFile: null, teams: { "duet-vcs": ["vera"] } });
    expectWrites(captured);
    await probot.receive(opened(formBody({ Component: "CesiumJS", Impact: "low", "Request type": "bug", "What happened": "After login the 3D map is empty: no buildings at all.", "When did it happen": "Today" })));
    expect(nock.isDone()).toBe(true);
    expect(captured.comment).toContain("These FAQ entries may already help");
    expect(captured.comment).toContain(`[Why is the 3D map empty after login?](https://github.com/${ORG}/${REPO}/blob/master/docs/faq.md#why-is-the-3d-map-empty-after-login)`);
    expect(captured.comment).not.toContain("export a noise map");
  });

  it("the team member with the fewest open support issues is assigned", async () => {
    const captured = expectTriage({
      faqFile: null,
      ownersFile: null,
      teams: { "duet-vcs": ["anna", "bert", "carl"] },
      openIssues: [
        { number: 7, assignees: ["anna"] },
        { number: 8, assignees: ["anna", "carl"] },
        { number: 9, assignees: ["bert"] },
        { number: 10, assignees: ["carl"] },
      ],
    });
    expectWrites(captured);
    await probot.receive(opened(bug("OpenLayers JS")));
    expect(captured.update!.assignees).toEqual(["bert"]);
  });

  it("a team that cannot be read is mentioned instead of assigning anyone", async () => {
    const captured = expectTriage({ faqFile: null, ownersFile: null, teams: { "duet-kul": 404 } });
    expectWrites(captured);
    await probot.receive(opened(bug("Traffic Modeller (Flanders)")));
    expect(nock.isDone()).toBe(true);
    expect(captured.update!.assignees).toBeUndefined();
    expect(captured.comment).toContain(`@${ORG}/duet-kul`);
    expect(captured.comment).toContain("could not be read");
  });

  it("an assignee GitHub drops (no write access) is not claimed as assigned; the team is asked instead", async () => {
    const captured = expectTriage({ faqFile: null, ownersFile: null, teams: { "duet-dv": ["outsider"] } });
    expectWrites(captured, { assignedByGitHub: () => [] });
    await probot.receive(opened(bug("VITO NO2 air-quality model (Flanders)")));
    expect(captured.comment).not.toContain("Assigned to @outsider");
    expect(captured.comment).toContain("@outsider could not be assigned");
    expect(captured.comment).toContain(`@${ORG}/duet-dv`);
  });

  it("missing labels are created with colour in one request; a new issue costs at most 3 writes", async () => {
    const captured = expectTriage({ faqFile: null, ownersFile: null, teams: { "duet-atc": ["desk-1"] } });
    expectWrites(captured, { existingLabels: ["bug", "tier: L1"] });
    await probot.receive(opened(bug("Message Broker")));
    expect(nock.isDone()).toBe(true);
    expect(captured.createdLabels).toEqual({ "impact: low": "c2e0c6", "component: message-broker": "d4c5f9", "partner: ATC": "bfdadc" });
    expect(captured.writes).toBe(3);
  });

  it("a redelivered webhook (same delivery id) changes nothing a second time", async () => {
    const captured = expectTriage({ faqFile: null, ownersFile: null, teams: { "duet-atc": ["desk-1"] } });
    expectWrites(captured);
    const event = opened(bug("Athens Dashboard"));
    await probot.receive(event);
    expect(nock.isDone()).toBe(true);
    const writes = captured.writes;
    await probot.receive(event); // nock has no interceptors left: any request would fail the test
    expect(captured.writes).toBe(writes);
  });

  it("after the support window the answer says support has ended, and nothing is routed", async () => {
    const captured = expectTriage({ configFile: "supportWindow:\n  start: 2025-01-01\n  end: 2025-12-31\n" });
    nock(API).post(`/repos/${ORG}/${REPO}/issues/1/comments`, (body: { body: string }) => {
      captured.comment = body.body;
      return true;
    }).reply(201, { id: 1 });
    await probot.receive(opened(bug("Athens Dashboard")));
    expect(nock.pendingMocks()).toEqual([]); // one comment, no labels and no assignment
    expect(captured.comment).toContain("ended on **2025-12-31**");
  });

  it("issues from other bots are left alone", async () => {
    const event = opened(bug("Athens Dashboard"));
    (event.payload as { sender: { login: string; type: string } }).sender = { ...(event.payload as any).sender, login: "dependabot[bot]", type: "Bot" };
    await probot.receive(event); // any request would fail: net connect is disabled and nothing is mocked
  });
});
