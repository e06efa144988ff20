/**
 * An invalid configuration never crashes the app: it acts on nothing, logs the file and the
 * failing keys, and says so once on the issue it was handling.
 */
import { createHash } from "node:crypto";
import type { Context } from "probot";
import type { Problem } from "../core/result.js";
import { renderConfigError } from "../core/text/config-error.js";
import { hasMarker } from "../core/text/markers.js";
import { postComment } from "../github/issues.js";
import type { IssueRef } from "../github/octokit.js";

type AnyContext = Context<"issues" | "issue_comment">;

export async function reportConfigProblems(
  context: AnyContext,
  issue: IssueRef,
  problems: Problem[],
  options: { isNewIssue: boolean },
): Promise<void> {
  const key = createHash("sha256").update(JSON.stringify(problems)).digest("hex").slice(0, 12);
  context.log.error({ problems, files: [...new Set(problems.map((p) => p.where.split(/[:]/)[0]))] }, "invalid duet-support configuration; acting on nothing from it");
  if (!options.isNewIssue) {
    const comments = await context.octokit.paginate(context.octokit.rest.issues.listComments, { ...issue, per_page: 100 });
    if (comments.some((c) => hasMarker(c.body, "config-error", key))) return;
  }
  await postComment(context.octokit, issue, renderConfigError(problems, key));
}
