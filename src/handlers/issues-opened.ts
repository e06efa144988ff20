/**
 * issues.opened: classify, label, assign and answer once (issue 3). Reads once, decides in the
 * core (`triage`), then writes at most three times: missing labels, the issue update, the reply.
 * With a board configured, the new ticket's card follows (two more writes, docs/board.md).
 */
import type { Context } from "probot";
import type { Config } from "../core/config/index.js";
import { tierOfLabel } from "../core/config/labels.js";
import { readSupportRequest } from "../core/intake/parse-body.js";
import { ok } from "../core/result.js";
import type { OwnerRule } from "../core/routing/support-owners.js";
import { renderTriageReply } from "../core/text/triage-reply.js";
import { classifyRequest, routeOf, triage, withAppliedAssignees } from "../core/triage/triage.js";
import { ensureLabels } from "../github/labels.js";
import { nextLabels, postComment, updateIssue } from "../github/issues.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader, readRepoConfig, readSupportOwners } from "../github/repository-files.js";
import { readAssignmentCandidates } from "../github/teams.js";
import { boardTargetOf, enteredClock, syncBoard } from "./board-sync.js";
import { reportConfigProblems } from "./config-problems.js";
import type { Deps } from "./deps.js";
import { isAppOwnIssue, isBot, isWebFormIssue } from "./guards.js";

export async function onIssueOpened(context: Context<"issues.opened">, deps: Deps): Promise<void> {
  const { issue, sender, repository } = context.payload;
  if (isAppOwnIssue(issue.body)) return;
  if (isBot(sender) && !isWebFormIssue(issue.body)) return;
  if (!deps.deliveries.claim(context.id)) {
    context.log.info({ delivery: context.id }, "delivery already handled; ignoring the redelivery");
    return;
  }
  try {
    await triageIssue(context, deps, repository.node_id);
  } catch (error) {
    deps.deliveries.release(context.id);
    throw error;
  }
}

async function triageIssue(context: Context<"issues.opened">, deps: Deps, repositoryNodeId: string): Promise<void> {
  const { issue } = context.payload;
  const repo = context.repo();
  const ref = context.issue();
  const octokit = context.octokit as Octokit;

  const config = await readRepoConfig(configLoader(octokit, repo));
  if (!config.ok) return reportConfigProblems(context, ref, config.problems, { isNewIssue: true });
  const intake = readSupportRequest(issue.body, config.value);
  // Only a routed request needs SUPPORT_OWNERS and the owner teams: the other answers cost no more reads.
  const kind = classifyRequest(config.value, intake, deps.now());
  const isRouted = kind === "routed";
  const ownerRules = isRouted ? await readSupportOwners(octokit, repo, config.value) : ok<OwnerRule[]>([]);
  if (!ownerRules.ok) return reportConfigProblems(context, ref, ownerRules.problems, { isNewIssue: true });
  const route = routeOf({ config: config.value, ownerRules: ownerRules.value, intake });
  const people = isRouted ? await readAssignmentCandidates(octokit, repo, route.owners) : { candidates: [], unreadableTeams: [] };

  const faq = kind === "routed" || kind === "needs-info" ? await readFaqFor(context, deps, config.value) : undefined;

  const labels = issue.labels?.map((l) => l.name) ?? [];
  const plan = triage(
    {
      config: config.value,
      org: repo.owner,
      issue: { number: issue.number, title: issue.title, body: issue.body ?? "", createdAt: new Date(issue.created_at), labels },
      intake,
      ownerRules: ownerRules.value,
      ...people,
      calendarFor: (partnerId) => deps.calendars.forPartner(config.value as Config, partnerId),
      ...(faq && { faq }),
    },
    deps.now(),
  );

  await ensureLabels(octokit, { ...repo, nodeId: repositoryNodeId }, plan.labelsToAdd, deps.labels);
  const changesIssue = plan.labelsToAdd.length + plan.labelsToRemove.length + plan.assignees.length > 0;
  const applied = changesIssue
    ? await updateIssue(octokit, ref, {
        labels: nextLabels(labels, plan.labelsToAdd, plan.labelsToRemove),
        ...(plan.assignees.length > 0 && { assignees: plan.assignees }),
      })
    : { labels, assignees: [] };
  await postComment(octokit, ref, renderTriageReply(withAppliedAssignees(plan.outcome, applied.assignees)));
  context.log.info({ issue: issue.number, outcome: plan.outcome.kind, tier: plan.clock?.tier, assignees: applied.assignees }, "triaged");
  // The clock is new: no history to read, and a new issue has no card to read either.
  const tier = plan.clock?.tier ?? applied.labels.map(tierOfLabel).find((t) => t !== undefined);
  const clock = tier && enteredClock(tier, applied.labels, plan.clock?.dueAt);
  await syncBoard(boardTargetOf(context), deps, config.value, { labels: applied.labels, state: "open", clock, nodeId: issue.node_id, isNewIssue: true });
}

/** The FAQ for suggestions; a broken FAQ file only costs the suggestions (and a log line). */
async function readFaqFor(context: Context<"issues.opened">, deps: Deps, config: Config) {
  const { repository } = context.payload;
  const read = await deps.faq.read(context.octokit as Octokit, context.repo(), config.faq.path);
  if (!read.ok) {
    context.log.warn({ problems: read.problems }, "the FAQ file is invalid; no suggestions");
    return undefined;
  }
  const fileUrl = `${repository.html_url}/blob/${repository.default_branch}/${config.faq.path.split("/").map(encodeURIComponent).join("/")}`;
  return { entries: read.entries, fileUrl };
}
