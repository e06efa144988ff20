/**
 * Triage of one issue, shared by issues.opened and issues.edited (a request completed after
 * needs-info): reads what the plan needs once, the core decides (`triage`), then at most three
 * writes (missing labels, the issue update, the reply) and the card on the board (docs/board.md).
 */
import type { Context } from "probot";
import type { Config } from "../core/config/index.js";
import { tierOfLabel } from "../core/config/labels.js";
import { readSupportRequest } from "../core/intake/parse-body.js";
import { type Result, ok } from "../core/result.js";
import type { OwnerRule } from "../core/routing/support-owners.js";
import { renderTriageReply } from "../core/text/triage-reply.js";
import { type TriageKind, type TriagePlan, classifyRequest, routeOf, triage, withAppliedAssignees } from "../core/triage/triage.js";
import { nextLabels, postComment, updateIssue } from "../github/issues.js";
import { ensureLabels } from "../github/labels.js";
import type { Octokit } from "../github/octokit.js";
import { readSupportOwners } from "../github/repository-files.js";
import { readAssignmentCandidates } from "../github/teams.js";
import { type BoardClock, boardTargetOf, enteredClock, syncBoard } from "./board-sync.js";
import type { Deps } from "./deps.js";

export type TriageContext = Context<"issues.opened" | "issues.edited">;

/** The issue as triage reads it; `labels` are the ones on it now. */
export interface TriageSubject {
  number: number;
  title: string;
  body: string;
  createdAt: Date;
  labels: string[];
  nodeId: string;
}

export interface PlannedTriage {
  plan: TriagePlan;
  /** SUPPORT_OWNERS as read (empty unless the request is routed). */
  ownerRules: OwnerRule[];
}

/**
 * Reads what the plan needs and decides, judging the request at `at`. Only a routed request reads
 * SUPPORT_OWNERS and the owner teams; the FAQ is read for the kinds `readsFaq` names.
 */
export async function planTriage(
  context: TriageContext,
  deps: Deps,
  config: Config,
  subject: TriageSubject,
  at: Date,
  readsFaq: (kind: TriageKind) => boolean,
): Promise<Result<PlannedTriage>> {
  const repo = context.repo();
  const octokit = context.octokit as Octokit;
  const intake = readSupportRequest(subject.body, config);
  const kind = classifyRequest(config, intake, at);
  const isRouted = kind === "routed";
  const ownerRules = isRouted ? await readSupportOwners(octokit, repo, config) : ok<OwnerRule[]>([]);
  if (!ownerRules.ok) return ownerRules;
  const route = routeOf({ config, ownerRules: ownerRules.value, intake });
  const people = isRouted ? await readAssignmentCandidates(octokit, repo, route.owners) : { candidates: [], unreadableTeams: [] };
  const faq = readsFaq(kind) ? await readFaqFor(context, deps, config) : undefined;
  const plan = triage(
    {
      config,
      org: repo.owner,
      issue: { number: subject.number, title: subject.title, body: subject.body, createdAt: subject.createdAt, labels: subject.labels },
      intake,
      ownerRules: ownerRules.value,
      ...people,
      calendarFor: (partnerId) => deps.calendars.forPartner(config, partnerId),
      ...(faq && { faq }),
    },
    at,
  );
  return ok({ plan, ownerRules: ownerRules.value });
}

export interface ApplyOptions {
  /** "first": the triage reply; "update": the list of what is still missing, said as an update; "none": no reply. */
  reply: "first" | "update" | "none";
  /** An issue opened just now: it has no card to read. */
  isNewIssue: boolean;
  /** The clock as the handler knows it; else the one the plan starts (paused under a pause label). */
  clock?: BoardClock;
}

/** One batched write and the reply, then the card. */
export async function applyTriage(context: TriageContext, deps: Deps, config: Config, subject: TriageSubject, plan: TriagePlan, options: ApplyOptions): Promise<void> {
  const repo = context.repo();
  const ref = context.issue();
  const octokit = context.octokit as Octokit;
  await ensureLabels(octokit, { ...repo, nodeId: context.payload.repository.node_id }, plan.labelsToAdd, deps.labels);
  const changesIssue = plan.labelsToAdd.length + plan.labelsToRemove.length + plan.assignees.length > 0;
  const applied = changesIssue
    ? await updateIssue(octokit, ref, {
        labels: nextLabels(subject.labels, plan.labelsToAdd, plan.labelsToRemove),
        ...(plan.assignees.length > 0 && { assignees: plan.assignees }),
      })
    : { labels: subject.labels, assignees: [] };
  if (options.reply !== "none") {
    await postComment(octokit, ref, renderTriageReply(withAppliedAssignees(plan.outcome, applied.assignees), { isUpdate: options.reply === "update" }));
  }
  context.log.info({ issue: subject.number, outcome: plan.outcome.kind, tier: plan.clock?.tier, assignees: applied.assignees, reply: options.reply }, "triaged");
  const tier = plan.clock?.tier ?? applied.labels.map(tierOfLabel).find((t) => t !== undefined);
  const clock = options.clock ?? (tier && enteredClock(tier, applied.labels, plan.clock?.dueAt));
  await syncBoard(boardTargetOf(context), deps, config, {
    labels: applied.labels,
    state: "open",
    clock,
    nodeId: subject.nodeId,
    ...(options.isNewIssue && { isNewIssue: true }),
  });
}

/** The FAQ for suggestions; a broken FAQ file only costs the suggestions (and a log line). */
async function readFaqFor(context: TriageContext, deps: Deps, config: Config) {
  const { repository } = context.payload;
  const read = await deps.faq.read(context.octokit as Octokit, context.repo(), config.faq.path);
  if (!read.ok) {
    context.log.warn({ problems: read.problems }, "the FAQ file is invalid; no suggestions");
    return undefined;
  }
  const fileUrl = `${repository.html_url}/blob/${repository.default_branch}/${config.faq.path.split("/").map(encodeURIComponent).join("/")}`;
  return { entries: read.entries, fileUrl };
}
