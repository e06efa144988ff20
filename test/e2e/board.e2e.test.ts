/**
 * The board mirror end to end: the real server triages a new issue against the loopback fake and
 * the ticket's card appears with every field; the CLI sweep's warning and a close follow on the card.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGitHub, sendWebhook, startFakeGitHub } from "../fake-github/index.js";
import { type FakeProject, projectsOf } from "../fake-github/graphql/project-v2-state.js";
import { formBody, webhookFixture } from "../fixtures/webhooks.js";
import { runCli } from "./cli-process.js";
import { type RunningServer, startServer } from "./server-process.js";

// Thursday 26 Nov 2026, 10:00 in Athens: the L1 clock (3 working hours) is due at 13:00 there.
const FILED = "2026-11-26T08:00:00Z";

describe("the support board follows triage, the sweep and a close", () => {
  let fake: FakeGitHub;
  let server: RunningServer;
  let board: FakeProject;

  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.setNow(FILED);
    fake.addRepo("duet", "support");
    fake.addTeam("duet", "duet-atc", ["desk-anna"]);
    fake.setPermission("duet", "support", "desk-anna", "write");
    fake.setFile("duet", "support", ".github/duet-support.yml", "board:\n  owner: duet\n  number: 1\n");
    board = projectsOf(fake.state).add("duet", 1, { title: "DUET support" }); // GitHub's own fields only
    server = await startServer(fake.url);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  /** The card's fields by name, as a person reads them on the board. */
  function cardOf(number: number): Record<string, string> | undefined {
    const item = board.items.find((i) => i.issue.number === number);
    if (!item) return undefined;
    const shown: Record<string, string> = {};
    for (const [fieldId, value] of item.values) {
      const field = board.fields.find((f) => f.id === fieldId)!;
      shown[field.name] = "optionId" in value ? field.options.find((o) => o.id === value.optionId)!.name : "text" in value ? value.text : "date" in value ? value.date : String(value.number);
    }
    return shown;
  }

  function webhook(event: "opened" | "closed", number: number, deliveryId: string) {
    const repo = fake.state.requireRepo("duet", "support");
    const issue = fake.state.requireIssue("duet", "support", number);
    // webhooks-examples has no issues.closed payload: a reopened one with its action changed stands in.
    const payload = webhookFixture("issues", event === "opened" ? "opened" : "reopened", {
      action: event,
      issue: { number, body: issue.body, title: issue.title, created_at: issue.created_at, state: issue.state, state_reason: event === "closed" ? "completed" : null, labels: issue.labels.map((name) => ({ name })), assignees: [], assignee: null, node_id: issue.node_id },
      repository: { node_id: repo.node_id },
      installation: { id: fake.state.installationFor("duet")!.id },
    });
    return sendWebhook({ url: `${server.url}/api/github/webhooks`, secret: "e2e-secret", event: "issues", deliveryId, payload });
  }

  const boardRequests = () =>
    fake.requests.flatMap((r) => {
      const name = /(?:query|mutation) (\w+)/.exec(String((r.body as { query?: string } | undefined)?.query ?? ""))?.[1];
      return name && /Board/.test(name) ? [name] : [];
    });

  let number: number;

  it("a triaged ticket reaches the board at once, with Tier, Impact, Component, Partner, SLA state and Response due", async () => {
    const body = formBody({ Component: "Message Broker", Impact: "low", "Request type": "bug", "What happened": "No messages since 09:30.", "When did it happen": "Today 09:30", Where: "platform" });
    number = fake.addIssue("duet", "support", { title: "Broker silent", body, user: "city-of-athens" }).number;
    fake.clearRequests();
    expect(await webhook("opened", number, "board-1")).toBe(200);

    expect(cardOf(number)).toEqual({ Tier: "L1", Impact: "low", Component: "message-broker", Partner: "ATC", "SLA state": "on track", "Response due": "2026-11-26" });
    // The fields were created once; a new issue's card is added and filled without reading it first.
    expect(board.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["Tier", "Impact", "Component", "Partner", "SLA state", "Response due"]));
    expect(boardRequests()).toEqual(["BoardFields", "SetUpBoardFields", "AddBoardItems", "SetBoardFields"]);
    expect(server.output()).toContain('board: created field \\"Tier\\" (single select L1, L2, L3)');
  });

  it("the sweep's warning turns the card's SLA state to warning", async () => {
    fake.clearRequests();
    const run = await runCli(["sweep", "--repo", "duet/support", "--now", "2026-11-26T10:20:00Z"], { GITHUB_TOKEN: "ghs_workflow", GITHUB_API_URL: fake.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("posted 1 warning(s)");
    expect(cardOf(number)).toMatchObject({ "SLA state": "warning", "Response due": "2026-11-26" });
    expect(boardRequests()).toEqual(["BoardFields", "IssueBoardItem", "SetBoardFields"]);
  });

  it("closing the ticket marks its card closed and clears its due date", async () => {
    const issue = fake.state.requireIssue("duet", "support", number);
    issue.state = "closed";
    fake.clearRequests();
    expect(await webhook("closed", number, "board-2")).toBe(200);
    const card = cardOf(number)!;
    expect(card["SLA state"]).toBe("closed");
    expect(card["Response due"]).toBeUndefined();
    // The board's fields are cached by the server: the card is read, then written once.
    expect(boardRequests()).toEqual(["IssueBoardItem", "SetBoardFields"]);
  });
});
