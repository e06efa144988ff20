/**
 * issues.opened: classify, label, assign and answer once (issue 3). Reads once, decides in the
 * core (`triage`), then writes at most three times: missing labels, the issue update, the reply.
 * With a board configured, the new ticket's card follows (two more writes, docs/board.md).
 */
import type { Context } from "probot";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig } from "../github/repository-files.js";
import { reportConfigProblems } from "./config-problems.js";
import type { Deps } from "./deps.js";
import { oncePerDelivery } from "./once-per-delivery.js";
import { isAppOwnIssue, isBot, isWebFormIssue } from "./guards.js";
import { applyTriage, planTriage } from "./triage-issue.js";

export async function onIssueOpened(context: Context<"issues.opened">, deps: Deps): Promise<void> {
  const { issue, sender } = context.payload;
  if (isAppOwnIssue(issue.body)) return;
  if (isBot(sender) && !isWebFormIssue(issue.body)) return;
  await oncePerDelivery(context, deps.deliveries, async () => {
    await triageNewIssue(context, deps);
  });
}

async function triageNewIssue(context: Context<"issues.opened">, deps: Deps): Promise<void> {
  const { issue } = context.payload;
  const ref = context.issue();
  const config = await readRepoConfig(configLoader(context.octokit as Octokit, context.repo()));
  if (!config.ok) return reportConfigProblems(context, ref, config.problems, { isNewIssue: true });
  const subject = {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    createdAt: new Date(issue.created_at),
    labels: issue.labels?.map((l) => l.name) ?? [],
    nodeId: issue.node_id,
  };
  // The FAQ may help a routed request and one that waits for its reporter alike.
  const planned = await planTriage(context, deps, config.value, subject, deps.now(), (kind) => kind === "routed" || kind === "needs-info");
  if (!planned.ok) return reportConfigProblems(context, ref, planned.problems, { isNewIssue: true });
  await applyTriage(context, deps, config.value, subject, planned.value.plan, { reply: "first", isNewIssue: true });
}
