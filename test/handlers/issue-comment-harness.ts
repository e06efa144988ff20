/**
 * What the comment, close and reopen handler tests share: payloads from @octokit/webhooks-examples
 * and nock interceptors for each GitHub call, capturing request bodies and counting writes.
 */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { Probot, ProbotOctokit } from "probot";
import { renderMarker } from "../../src/core/text/markers.js";
import { type Deps, createDeps } from "../../src/handlers/deps.js";
import { onIssueComment } from "../../src/handlers/issue-comment.js";
import { onIssueClosed } from "../../src/handlers/issues-closed.js";
import { onIssueReopened } from "../../src/handlers/issues-reopened.js";
import { ORG, REPO, webhookFixture } from "../fixtures/webhooks.js";
import { API, nockToken } from "../support/probot.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** A Probot with only these three handlers, wired as app.ts wires them (retries and throttling off). */
export async function createCommentProbot(deps: Partial<Deps> = {}): Promise<Probot> {
  const probot = new Probot({
    appId: 123456,
    privateKey,
    secret: "test-secret",
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const wired = createDeps(deps);
  await probot.load((app: Probot) => {
    app.on("issue_comment.created", (context) => onIssueComment(context, wired));
    app.on("issues.closed", (context) => onIssueClosed(context, wired));
    app.on("issues.reopened", (context) => onIssueReopened(context, wired));
  });
  return probot;
}

/**
 * Each test gets a fresh Probot and capture, with net connect disabled around it:
 * `useCommentProbot((p, cap) => { probot = p; c = cap; });`
 */
export function useCommentProbot(use: (probot: Probot, c: Captured) => void, deps: Partial<Deps> = {}): void {
  beforeEach(async () => {
    nock.disableNetConnect();
    use(await createCommentProbot({ now: () => NOW, ...deps }), captured());
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

export const NOW = new Date("2026-11-26T10:00:00Z"); // Thursday, 12:00 in Athens, 11:00 in Amsterdam
export const REPORTER = "reporter-rita";
export const DESK = "desk-dana";
export const ISSUE = 1;
export const COMMENT_ID = 5501;

/** An L2 ticket on the Noise Modeller (Athens, Flanders), owned by TNO. */
export const L2_TICKET = ["tier: L2", "impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO"];

export interface Captured {
  removedLabels?: string[];
  update?: { labels: string[]; assignees?: string[] };
  comments: string[];
  createdLabels: string[];
  files: Record<string, string>;
  pull?: { title: string; head: string; base: string; body: string };
  writes: number;
}

export function captured(): Captured {
  return { comments: [], createdLabels: [], files: {}, writes: 0 };
}

let deliveries = 0;

export function commentEvent(body: string, o: { labels?: string[]; login?: string; assignees?: string[]; state?: "open" | "closed"; title?: string; association?: string; userType?: string } = {}) {
  const login = o.login ?? DESK;
  const user = { login, id: 7001, type: o.userType ?? "User" };
  return {
    id: `comment-delivery-${++deliveries}`,
    name: "issue_comment" as const,
    payload: webhookFixture("issue_comment", "created", {
      issue: {
        number: ISSUE,
        title: o.title ?? "Noise map of Athens is empty",
        state: o.state ?? "open",
        user: { login: REPORTER, id: 9001, type: "User" },
        labels: (o.labels ?? L2_TICKET).map((name, i) => ({ id: i, name, color: "ededed", default: false })),
        assignees: (o.assignees ?? []).map((a, i) => ({ login: a, id: 100 + i, type: "User" })),
        body: "### What happened\n\nThe noise map is empty.",
      },
      comment: { id: COMMENT_ID, body, user, author_association: o.association ?? "MEMBER" },
      sender: user,
    }) as never,
  };
}

export function issuesEvent(action: "closed" | "reopened", o: { labels: string[]; stateReason?: string | null; closedAt?: string }) {
  return {
    id: `issues-delivery-${++deliveries}`,
    name: "issues" as const,
    payload: webhookFixture("issues", "reopened", {
      action,
      issue: {
        number: ISSUE,
        state: action === "closed" ? "closed" : "open",
        state_reason: o.stateReason ?? null,
        closed_at: o.closedAt ?? null,
        updated_at: NOW.toISOString(),
        user: { login: REPORTER, id: 9001, type: "User" },
        labels: o.labels.map((name, i) => ({ id: i, name, color: "ededed", default: false })),
        body: "### What happened\n\nThe noise map is empty.",
      },
    }) as never,
  };
}

function user(login: string, i = 0) {
  return { login, id: 1000 + i, node_id: `U_${login}`, type: login.endsWith("[bot]") ? "Bot" : "User", site_admin: false, html_url: `https://github.com/${login}` };
}

const repoPath = `/repos/${ORG}/${REPO}`;

/** The installation token and the configuration (`file` text, or none in the repository nor the organisation). */
export function nockStart(file?: string): nock.Scope {
  const api = nock(API);
  nockToken(api);
  const path = `${repoPath}/contents/${encodeURIComponent(".github/duet-support.yml")}`;
  if (file) api.get(path).reply(200, file, { "content-type": "application/vnd.github.raw; charset=utf-8" });
  else {
    api.get(path).reply(404, { message: "Not Found" });
    api.get(`/repos/${ORG}/.github/contents/${encodeURIComponent(".github/duet-support.yml")}`).reply(404, { message: "Not Found" });
  }
  return api;
}

export function nockPermission(login: string, permission: "admin" | "write" | "read" | "none" | 404): void {
  const path = `${repoPath}/collaborators/${login}/permission`;
  if (permission === 404) nock(API).get(path).reply(404, { message: "Not Found" });
  else nock(API).get(path).reply(200, { permission, role_name: permission, user: user(login) });
}

export function nockMembership(slug: string, login: string, isMember: boolean): void {
  const path = `/orgs/${ORG}/teams/${slug}/memberships/${login}`;
  if (isMember) nock(API).get(path).reply(200, { role: "member", state: "active", url: `${API}${path}` });
  else nock(API).get(path).reply(404, { message: "Not Found" });
}

export function nockTeamMembers(slug: string, members: string[] | 404): void {
  const scope = nock(API).get(`/orgs/${ORG}/teams/${slug}/members`).query(true);
  if (members === 404) scope.reply(404, { message: "Not Found" });
  else scope.reply(200, members.map((m, i) => user(m, i)));
}

export function nockNoSupportOwners(): void {
  nock(API).get(`${repoPath}/contents/${encodeURIComponent(".github/SUPPORT_OWNERS")}`).reply(404, { message: "Not Found" });
}

export function nockOpenIssues(issues: { number: number; assignees: string[] }[]): void {
  nock(API).get(`${repoPath}/issues`).query({ state: "open", per_page: "100" })
    .reply(200, issues.map((i) => ({ number: i.number, title: "x", state: "open", assignees: i.assignees.map((a) => user(a)) })));
}

export function nockComments(comments: { id: number; login: string; body: string; association?: string }[]): void {
  nock(API).get(`${repoPath}/issues/${ISSUE}/comments`).query(true)
    .reply(200, comments.map((c) => ({ id: c.id, body: c.body, user: user(c.login), author_association: c.association ?? "NONE" })));
}

/** The label list (read once per repository) and the one GraphQL request creating the missing ones. */
export function nockLabels(c: Captured, existing: string[]): void {
  nock(API).get(`${repoPath}/labels`).query(true).reply(200, existing.map((name, i) => ({ id: i, name, color: "ededed", description: null, default: false })));
  nock(API).post("/graphql", (body: { query: string; variables: Record<string, string> }) => {
    if (!body.query.startsWith("mutation")) return false;
    c.createdLabels = Object.entries(body.variables).filter(([k]) => /^name\d+$/.test(k)).map(([, v]) => v);
    return true;
  }).optionally().reply(200, () => {
    c.writes++;
    return { data: {} };
  });
}

export function nockUpdate(c: Captured, assignedByGitHub?: (requested: string[]) => string[]): void {
  nock(API).patch(`${repoPath}/issues/${ISSUE}`, (body: Captured["update"]) => {
    c.update = body;
    return true;
  }).reply(200, () => {
    c.writes++;
    const requested = c.update?.assignees ?? [];
    const assignees = assignedByGitHub ? assignedByGitHub(requested) : requested;
    return { number: ISSUE, labels: c.update!.labels.map((name) => ({ name })), assignees: assignees.map((a) => user(a)) };
  });
}

/** One label removed (DELETE), as the pause ends without rewriting the other labels. */
export function nockRemoveLabel(c: Captured, name: string): void {
  nock(API).delete(`${repoPath}/issues/${ISSUE}/labels/${encodeURIComponent(name)}`).reply(200, () => {
    c.writes++;
    c.removedLabels = [...(c.removedLabels ?? []), name];
    return [];
  });
}

export function nockReply(c: Captured): void {
  nock(API).post(`${repoPath}/issues/${ISSUE}/comments`, (body: { body: string }) => {
    c.comments.push(body.body);
    return true;
  }).reply(201, () => {
    c.writes++;
    return { id: 9000 + c.comments.length, html_url: `https://github.com/${ORG}/${REPO}/issues/${ISSUE}#issuecomment-${9000 + c.comments.length}` };
  });
}

/** The git data and contents calls `/faq` makes; `faqFile` is the FAQ's text on the default branch (undefined: none yet). */
export function nockFaqPullRequest(c: Captured, o: { faqFile?: string; branchExists?: boolean; openPull?: number; readsOnly?: boolean } = {}): void {
  const api = nock(API);
  const sha = "aa218f56b14c9653891f9e74264a383fa43fefbd";
  api.get(`${repoPath}/git/ref/${encodeURIComponent("heads/master")}`).reply(200, { ref: "refs/heads/master", object: { sha, type: "commit" } });
  const faqPath = `${repoPath}/contents/${encodeURIComponent("docs/faq.md")}`;
  if (o.faqFile === undefined) api.get(faqPath).query({ ref: "master" }).reply(404, { message: "Not Found" });
  else api.get(faqPath).query({ ref: "master" }).reply(200, { type: "file", encoding: "base64", path: "docs/faq.md", sha: "f1", content: Buffer.from(o.faqFile).toString("base64") });
  if (o.readsOnly) return;
  api.post(`${repoPath}/git/refs`, (body: { ref: string; sha: string }) => body.ref === `refs/heads/duet-support/faq-${ISSUE}` && body.sha === sha).reply(() => {
    c.writes++;
    return o.branchExists ? [422, { message: "Reference already exists" }] : [201, { ref: `refs/heads/duet-support/faq-${ISSUE}`, object: { sha } }];
  });
  if (o.branchExists) {
    api.get(`${repoPath}/pulls`).query({ head: `${ORG}:duet-support/faq-${ISSUE}`, state: "open", per_page: "1" })
      .reply(200, o.openPull ? [{ number: o.openPull, html_url: `https://github.com/${ORG}/${REPO}/pull/${o.openPull}` }] : []);
    return;
  }
  api.put(faqPath, (body: { content: string; branch: string; sha?: string; message: string }) => {
    c.files[`${body.branch}:docs/faq.md`] = Buffer.from(body.content, "base64").toString("utf8");
    return true;
  }).reply(201, () => {
    c.writes++;
    return { content: { path: "docs/faq.md", sha: "f2" }, commit: { sha: "c2" } };
  });
  api.post(`${repoPath}/pulls`, (body: Captured["pull"]) => {
    c.pull = body;
    return true;
  }).reply(201, () => {
    c.writes++;
    return { number: 12, html_url: `https://github.com/${ORG}/${REPO}/pull/12` };
  });
}

/** An app comment as the clocks and the resolution read it (a bot's, with a hidden marker). */
export function effortComment(key: string, data: { partner: string; minutes: number; tier: string }): string {
  return `Logged.\n\n${renderMarker({ kind: "effort", key, data: { ...data, by: DESK } })}`;
}

type TimelineItem =
  | { kind: "labeled" | "unlabeled"; label: string; at: string; by?: string }
  | { kind: "closed"; at: string; reason?: "COMPLETED" | "NOT_PLANNED" }
  | { kind: "reopened"; at: string }
  | { kind: "comment"; at: string; by: string; body: string; association?: string; id?: number };

/** The one GraphQL read of a ticket's history, answered as GitHub would. */
export function nockTicketHistory(o: { createdAt: string; labels: string[]; state: "OPEN" | "CLOSED"; closedAt?: string; timeline: TimelineItem[] }): void {
  const actor = (login: string) => ({ __typename: login.endsWith("[bot]") ? "Bot" : "User", login });
  const nodes = o.timeline.map((item, i) => {
    switch (item.kind) {
      case "labeled":
      case "unlabeled":
        return { __typename: item.kind === "labeled" ? "LabeledEvent" : "UnlabeledEvent", createdAt: item.at, actor: actor(item.by ?? "duet-support[bot]"), label: { name: item.label } };
      case "closed":
        return { __typename: "ClosedEvent", createdAt: item.at, actor: actor(DESK), stateReason: item.reason ?? "COMPLETED" };
      case "reopened":
        return { __typename: "ReopenedEvent", createdAt: item.at, actor: actor(DESK) };
      case "comment":
        return { __typename: "IssueComment", databaseId: item.id ?? 800 + i, createdAt: item.at, authorAssociation: item.association ?? "NONE", body: item.body, author: actor(item.by) };
    }
  });
  nock(API).post("/graphql", (body: { query: string; variables: Record<string, unknown> }) => body.query.includes("query SupportTicket(") && body.variables.number === ISSUE)
    .reply(200, {
      data: {
        repository: {
          issue: {
            number: ISSUE,
            title: "Noise map of Athens is empty",
            url: `https://github.com/${ORG}/${REPO}/issues/${ISSUE}`,
            state: o.state,
            stateReason: o.state === "CLOSED" ? "COMPLETED" : null,
            createdAt: o.createdAt,
            closedAt: o.closedAt ?? null,
            author: actor(REPORTER),
            labels: { nodes: o.labels.map((name) => ({ name })) },
            assignees: { nodes: [] },
            timelineItems: { pageInfo: { hasNextPage: false }, nodes },
          },
        },
      },
    });
}
