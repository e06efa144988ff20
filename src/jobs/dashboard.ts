/**
 * The weekly dashboard (issue 7): the current support year's report in one pinned "Support dashboard"
 * issue, found by its hidden marker and edited in place; created and pinned only the first time.
 */
import { renderReportMarkdown } from "../core/reports/index.js";
import type { Problem } from "../core/result.js";
import { hasMarker, renderMarker } from "../core/text/markers.js";
import { createDashboardIssue, editDashboardIssue, findDashboardIssue, pinIssue } from "../github/dashboard-issue.js";
import { countRequests } from "../github/request-count.js";
import { type ReadReportOptions, readSupportReport } from "./report.js";

/** handlers/guards.ts `isAppOwnIssue` knows this marker: the dashboard is never triaged as a request. */
const DASHBOARD_MARKER = renderMarker({ kind: "reply", key: "dashboard" });

export interface DashboardOptions extends Omit<ReadReportOptions, "year"> {
  /** Reads and renders, writes nothing; `body` in the result is what would be posted. */
  dryRun?: boolean;
}

export type DashboardResult =
  | {
      ok: true;
      /** The dashboard's number; 0 on a dry run that would create it. */
      issueNumber: number;
      created: boolean;
      /** Pinned by this run (creation only: an issue the desk unpinned stays unpinned). */
      pinned: boolean;
      /** Why GitHub refused to pin a new dashboard, when it did. */
      pinRefused?: string;
      requests: number;
      body: string;
    }
  | { ok: false; problems: Problem[] };

export async function updateDashboard(options: DashboardOptions): Promise<DashboardResult> {
  const { octokit, repo } = options;
  const requests = countRequests(octokit);
  const read = await readSupportReport(options);
  if (!read.ok) return read;
  const body = renderDashboardBody(renderReportMarkdown(read.value.report));
  const existing = await findDashboardIssue(octokit, repo, isDashboardBody);

  if (options.dryRun) {
    return { ok: true, issueNumber: existing?.number ?? 0, created: false, pinned: false, requests: requests.total, body };
  }
  if (existing) {
    await editDashboardIssue(octokit, repo, existing.number, body);
    return { ok: true, issueNumber: existing.number, created: false, pinned: false, requests: requests.total, body };
  }
  const created = await createDashboardIssue(octokit, repo, body);
  const pin = await pinIssue(octokit, created);
  options.log?.info({ repo: `${repo.owner}/${repo.repo}`, issue: created.number, pinned: pin.pinned }, "dashboard issue created");
  return {
    ok: true,
    issueNumber: created.number,
    created: true,
    pinned: pin.pinned,
    ...(!pin.pinned && { pinRefused: pin.reason }),
    requests: requests.total,
    body,
  };
}

/** The marker opens the body, where no reporter text can put it (web-form bodies open with a form section). */
function isDashboardBody(body: string): boolean {
  return body.trimStart().startsWith(DASHBOARD_MARKER) && hasMarker(body, "reply", "dashboard");
}

function renderDashboardBody(reportMarkdown: string): string {
  return `${DASHBOARD_MARKER}\n> Updated every week by duet-support; edits here are overwritten.\n\n${reportMarkdown}`;
}
