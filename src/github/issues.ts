/** Writes to one issue, in domain verbs: apply a plan in one update, post a reply. */
import { asUnavailable, isNotFound } from "./errors.js";
import type { IssueRef, Octokit } from "./octokit.js";

export interface IssueUpdate {
  labels: string[];
  assignees?: string[];
}

export interface IssueUpdateResult {
  labels: string[];
  assignees: string[];
}

/** One `issues.update` carrying labels and assignees together. GitHub drops assignees without
 * write access silently, so the answer says who really is assigned. */
export async function updateIssue(octokit: Octokit, issue: IssueRef, update: IssueUpdate): Promise<IssueUpdateResult> {
  try {
    const { data } = await octokit.rest.issues.update({ ...issue, labels: update.labels, ...(update.assignees && { assignees: update.assignees }) });
    return {
      labels: (data.labels ?? []).map((l) => (typeof l === "string" ? l : (l.name ?? ""))),
      assignees: (data.assignees ?? []).map((a) => a.login),
    };
  } catch (error) {
    throw asUnavailable(error, `updating issue #${issue.issue_number}`);
  }
}

/** Adds labels without touching the others (no stale full set can undo someone's change). */
export async function addLabels(octokit: Octokit, issue: IssueRef, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  try {
    await octokit.rest.issues.addLabels({ ...issue, labels });
  } catch (error) {
    throw asUnavailable(error, `labelling issue #${issue.issue_number}`);
  }
}

/** Removes one label; one already gone is fine. */
export async function removeLabel(octokit: Octokit, issue: IssueRef, name: string): Promise<void> {
  try {
    await octokit.rest.issues.removeLabel({ ...issue, name });
  } catch (error) {
    if (isNotFound(error)) return;
    throw asUnavailable(error, `unlabelling issue #${issue.issue_number}`);
  }
}

export async function postComment(octokit: Octokit, issue: IssueRef, body: string): Promise<{ id: number; url: string }> {
  try {
    const { data } = await octokit.rest.issues.createComment({ ...issue, body });
    return { id: data.id, url: data.html_url };
  } catch (error) {
    throw asUnavailable(error, `commenting on issue #${issue.issue_number}`);
  }
}

/** The final label set: current labels, minus removals, plus additions, in a stable order. */
export function nextLabels(current: string[], add: string[], remove: string[]): string[] {
  const removing = new Set(remove.map((l) => l.toLowerCase()));
  const kept = current.filter((l) => !removing.has(l.toLowerCase()));
  const have = new Set(kept.map((l) => l.toLowerCase()));
  return [...kept, ...add.filter((l) => !have.has(l.toLowerCase()))];
}
