/** What the jobs print: the sweep's dry-run table and one-line summaries with the API cost. */
import type { SweepRow } from "../core/reminders/reminders.js";
import { formatWorkingMinutes } from "../core/text/reminders.js";
import type { RepoRef } from "../github/octokit.js";
import type { BackfillReport } from "../jobs/board.js";
import type { DashboardResult } from "../jobs/dashboard.js";
import type { SweepResult } from "../jobs/sweep.js";

export function renderSweepTable(rows: SweepRow[], now: Date): string {
  const header = ["issue", "tier", "assignees", "elapsed", "target", "state", "due (UTC)", "would post"];
  const lines = rows.map((r) => [
    `#${r.number}`,
    r.tier ?? "-",
    r.assignees.length ? r.assignees.join(",") : "-",
    r.elapsedWorkingMinutes === undefined ? "-" : formatWorkingMinutes(r.elapsedWorkingMinutes),
    r.targetMinutes === undefined ? "-" : formatWorkingMinutes(r.targetMinutes),
    r.state,
    r.dueAt ? r.dueAt.toISOString().slice(0, 16).replace("T", " ") : "-",
    r.reminder ?? "-",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [`Clocks at ${now.toISOString()}:`, format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format), ""].join("\n");
}

export function renderSweepSummary(result: Extract<SweepResult, { ok: true }>, repo: RepoRef, dryRun: boolean): string {
  const posted = dryRun
    ? `dry run: would post ${result.rows.filter((r) => r.reminder === "sla-warning").length} warning(s) and ${result.rows.filter((r) => r.reminder === "sla-breach").length} breach notice(s); wrote nothing`
    : `posted ${result.warningsPosted} warning(s) and ${result.breachesPosted} breach notice(s)`;
  return `${repo.owner}/${repo.repo}: swept ${result.rows.length} open issue(s) in ${result.pages} page(s); ${posted}; GitHub requests: ${result.requests.reads} reads, ${result.requests.writes} writes\n`;
}

export function renderDashboardSummary(result: Extract<DashboardResult, { ok: true }>, repo: RepoRef, dryRun: boolean): string {
  const where = `${repo.owner}/${repo.repo}`;
  if (dryRun) return `${where}: dry run: would ${result.issueNumber ? `update dashboard issue #${result.issueNumber}` : "create the dashboard issue"}; wrote nothing; ${result.requests} GitHub request(s)\n`;
  const pin = result.pinned ? "" : result.pinRefused ? ` (GitHub refused to pin it: ${result.pinRefused})` : "";
  return `${where}: ${result.created ? "created" : "updated"} dashboard issue #${result.issueNumber}${pin}; ${result.requests} GitHub request(s)\n`;
}

export function renderBoardSummary(report: BackfillReport, dryRun: boolean): string {
  const verb = dryRun ? "would add" : "added";
  const setUp = report.setUp.length ? `; ${dryRun ? "would create" : "created"} ${report.setUp.join(", ")}` : "";
  return `board ${report.board}: ${report.issues} issue(s), ${report.items} card(s) found; ${verb} ${report.added}, ${dryRun ? "would update" : "updated"} ${report.updated}, ${report.unchanged} unchanged${setUp}; ${report.requests} GitHub request(s), ${report.mutations} mutation(s)${dryRun ? "; wrote nothing" : ""}\n`;
}
