/**
 * The real server against the loopback fake of GitHub, working a ticket from its comments: the L2
 * desk escalates with an incident record, an incomplete record and an outsider change nothing, a
 * redelivery is ignored, and closing the escalated ticket informs ATC and DV (issue 5).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, type FakeIssue, type LoggedRequest, sendWebhook, startFakeGitHub } from "../fake-github/index.js";
import { formBody, webhookFixture } from "../fixtures/webhooks.js";
import { deliveryContext, issuePayload, userPayload } from "./webhook-payloads.js";
import { type RunningServer, startServer } from "./server-process.js";

const OWNER = "duet";
const REPO = "support";
const SECRET = "e2e-secret";
const L2_TICKET = ["tier: L2", "impact: medium", "component: noise-modeller-athens-flanders", "partner: TNO"];
// Monday 16 Nov 2026: 08:00 UTC is 10:00 in Athens (the desk, ATC) and 09:00 in Amsterdam (TNO).
const FILED_AT = "2026-11-16T08:00:00Z";
const ESCALATED_AT = "2026-11-16T09:00:00Z";
// Thursday 10:00 Amsterdam: three working days after the escalation, past L3's two-day target.
const TNO_ANSWERED_AT = "2026-11-19T09:00:00Z";
const CLOSED_AT = "2026-11-19T10:00:00Z";

const COMPLETE_RECORD = [
  "/escalate",
  "### What happened",
  "The noise map of Athens shows no data since the last import.",
  "### When did it happen",
  "2026-11-16 from 08:30 (Europe/Athens), still happening",
  "### Nature of the occurrence",
  "Fault in the model run: the input files arrive, the output is empty. Restarting the job did not help.",
].join("\n");

/** Writes the app made: REST calls other than GET and token requests, and GraphQL mutations. */
function writesIn(requests: readonly LoggedRequest[]): LoggedRequest[] {
  return requests.filter((r) => {
    if (r.method === "GET" || r.path.includes("access_tokens")) return false;
    if (r.path.endsWith("graphql")) return String((r.body as { query?: string } | undefined)?.query ?? "").trimStart().startsWith("mutation");
    return true;
  });
}

describe("the server escalates and closes tickets worked from comments, against a GitHub-compatible host", () => {
  let fake: FakeGitHub;
  let server: RunningServer;
  let escalated: FakeIssue;
  let escalation: { deliveryId: string; payload: object };
  let delivery = 0;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.addRepo(OWNER, REPO);
    fake.addTeam(OWNER, "duet-atc", ["desk-anna"]);
    fake.addTeam(OWNER, "duet-tno", ["tno-tom"]);
    fake.setPermission(OWNER, REPO, "desk-anna", "write");
    fake.setPermission(OWNER, REPO, "tno-tom", "write");
    server = await startServer(fake.url);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** An L2 ticket as triage and the desk left it: its labels, each added by the app when it was filed. */
  function addL2Ticket(title: string): FakeIssue {
    fake.setNow(FILED_AT);
    const body = formBody({ Component: "Noise Modeller (Athens, Flanders)", Impact: "medium", "Request type": "bug", "What happened": "Noise map is empty.", "When did it happen": "Today 09:30" });
    const issue = fake.addIssue(OWNER, REPO, { title, body, user: "city-of-athens", labels: L2_TICKET });
    for (const label of L2_TICKET) fake.addEvent(OWNER, REPO, issue.number, { event: "labeled", label, actor: "duet-support[bot]" });
    return issue;
  }

  const userOf = (login: string) => userPayload(fake, login);
  const issueInPayload = (number: number) => issuePayload(fake, OWNER, REPO, number);
  const common = () => deliveryContext(fake, OWNER, REPO);

  /** The comment is posted on the fake (as GitHub stores it before it notifies), then delivered. */
  async function comment(number: number, login: string, body: string, deliveryId = `comment-${++delivery}`) {
    const stored = fake.addComment(OWNER, REPO, number, { user: login, body });
    const payload = webhookFixture("issue_comment", "created", {
      issue: issueInPayload(number),
      comment: { id: stored.id, node_id: stored.node_id, body, user: userOf(login), created_at: stored.created_at, updated_at: stored.updated_at, author_association: "NONE" },
      sender: userOf(login),
      ...common(),
    });
    fake.clearRequests();
    const status = await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: SECRET, event: "issue_comment", deliveryId, payload });
    return { status, deliveryId, payload };
  }

  function appComments(number: number): string[] {
    return fake.requireIssue(OWNER, REPO, number).comments.filter((c) => c.user.login === "duet-support[bot]").map((c) => c.body);
  }

  it("a complete incident record from the L2 desk moves the ticket to L3, assigns TNO and posts the record once", async () => {
    escalated = addL2Ticket("Noise map empty");
    fake.setNow(ESCALATED_AT);
    const sent = await comment(escalated.number, "desk-anna", COMPLETE_RECORD);
    escalation = sent;
    expect(sent.status).toBe(200);

    const after = fake.requireIssue(OWNER, REPO, escalated.number);
    expect([...after.labels].sort()).toEqual(["component: noise-modeller-athens-flanders", "impact: medium", "partner: TNO", "tier: L3"]);
    expect(after.assignees).toEqual(["tno-tom"]);
    const replies = appComments(escalated.number);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("## Incident record");
    expect(replies[0]).toContain("The noise map of Athens shows no data since the last import.");
    expect(replies[0]).toContain("### Nature of the occurrence");
    expect(replies[0]).toMatch(/L3 response due \*\*[^*]+\(Europe\/Amsterdam\)\*\*: \*\*TNO\*\*/);
    expect(writesIn(fake.requests).length).toBeLessThanOrEqual(3);
  });

  it("an incomplete incident record gets the template back and changes nothing", async () => {
    const issue = addL2Ticket("Noise map stale");
    fake.setNow(ESCALATED_AT);
    await comment(issue.number, "desk-anna", "/escalate\n### What happened\nThe map is stale.");

    const after = fake.requireIssue(OWNER, REPO, issue.number);
    expect(after.labels).toEqual(L2_TICKET);
    expect(after.assignees).toEqual([]);
    const replies = appComments(issue.number);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("Nothing changed.");
    expect(replies[0]).toContain("**When did it happen**");
    expect(replies[0]).toContain("**Nature of the occurrence**");
    expect(replies[0]).toContain("```markdown\n/escalate\n");
    expect(writesIn(fake.requests).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/${OWNER}/${REPO}/issues/${issue.number}/comments`]);
  });

  it("someone without write access and in no team gets one polite refusal, once, and nothing changes", async () => {
    const issue = addL2Ticket("Noise map wrong colours");
    fake.setNow(ESCALATED_AT);
    expect((await comment(issue.number, "city-reporter", "/tier L3")).status).toBe(200);
    expect(appComments(issue.number)).toHaveLength(1);
    expect(appComments(issue.number)[0]).toContain("Thank you, @city-reporter.");
    expect(writesIn(fake.requests).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/${OWNER}/${REPO}/issues/${issue.number}/comments`]);

    expect((await comment(issue.number, "city-reporter", "/tier L3\nPlease, it is urgent.")).status).toBe(200);
    expect(appComments(issue.number)).toHaveLength(1);
    expect(writesIn(fake.requests)).toEqual([]);
    const after = fake.requireIssue(OWNER, REPO, issue.number);
    expect(after.labels).toEqual(L2_TICKET);
    expect(after.assignees).toEqual([]);
  });

  it("a redelivery of the escalation's delivery changes nothing", async () => {
    const before = structuredClone({ labels: escalated.labels, assignees: escalated.assignees, comments: escalated.comments.length, events: escalated.events.length });
    fake.clearRequests();
    expect(await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: SECRET, event: "issue_comment", deliveryId: escalation.deliveryId, payload: escalation.payload })).toBe(200);

    expect(fake.requests.filter((r) => !r.path.includes("access_tokens"))).toEqual([]);
    const after = fake.requireIssue(OWNER, REPO, escalated.number);
    expect({ labels: after.labels, assignees: after.assignees, comments: after.comments.length, events: after.events.length }).toEqual(before);
  });

  it("closing the escalated ticket as completed informs ATC and DV of each clock, met or missed", async () => {
    fake.setNow(TNO_ANSWERED_AT);
    fake.addComment(OWNER, REPO, escalated.number, { user: "tno-tom", body: "On it: the model run's output folder was not mounted." });
    fake.setNow(CLOSED_AT);
    escalated.state = "closed";
    escalated.state_reason = "completed";
    escalated.closed_at = CLOSED_AT;
    escalated.updated_at = CLOSED_AT;
    fake.addEvent(OWNER, REPO, escalated.number, { event: "closed", actor: "tno-tom", state_reason: "completed" });
    // @octokit/webhooks-examples has no issues.closed payload: the reopened one, turned into a close.
    const payload = webhookFixture("issues", "reopened", { action: "closed", issue: issueInPayload(escalated.number), sender: userOf("tno-tom"), ...common() });
    const repliesBefore = appComments(escalated.number).length;
    fake.clearRequests();
    expect(await sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: SECRET, event: "issues", deliveryId: "closed-1", payload })).toBe(200);

    const replies = appComments(escalated.number);
    expect(replies).toHaveLength(repliesBefore + 1);
    const notice = replies.at(-1)!;
    expect(notice).toContain("**Resolved.**");
    expect(notice).toContain("@duet/duet-atc @duet/duet-dv: for your information.");
    // L2: filed Mon 10:00 Athens, answered by the desk's escalation an hour later.
    expect(notice).toContain("| L2 | 2026-11-16 08:00 UTC | 2026-11-16 09:00 UTC | 1 h / 3 h | met |");
    // L3: escalated Mon 10:00 Amsterdam, TNO's first answer Thu 10:00: three working days.
    expect(notice).toMatch(/\| L3 \| 2026-11-16 09:00 UTC \| 2026-11-19 09:00 UTC \| [^|]+ \/ 16 h \| \*\*missed\*\* \|/);
    expect(writesIn(fake.requests)).toHaveLength(1);
  });
});
