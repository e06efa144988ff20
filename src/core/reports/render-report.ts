/**
 * The support report as GitHub markdown (tables plus Mermaid charts, for the dashboard issue and
 * `duet-support report --format md`) and as JSON. Only formats figures; every number is computed in build-report.
 */
import type { OpenBreach, SupportReport } from "./build-report.js";
import type { EffortLine } from "./effort-budget.js";
import { barChart, pieChart } from "./mermaid-charts.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86_400_000;

/** The report as JSON: dates as ISO 8601 strings, absent figures as null. */
export function renderReportJson(report: SupportReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderReportMarkdown(report: SupportReport): string {
  const sections = [
    heading(report),
    ticketsPerTier(report),
    slaCompliance(report),
    firstResponse(report),
    openBreaches(report.openBreaches),
    effort(report.effort),
    outOfScope(report),
  ];
  return `${sections.join("\n\n")}\n`;
}

function heading(r: SupportReport): string {
  const lastDay = new Date(r.end.getTime() - DAY_MS);
  const share = `${percent(r.elapsedShare * 100)} of the support year has passed, so the plan is scaled by ${r.elapsedShare}`;
  return [
    `# Support report ${r.year}`,
    "",
    `Support year ${day(r.start)} – ${day(lastDay)} (UTC). Generated ${instant(r.generatedAt)}. ${share}.`,
    "",
    `**${r.tickets.total} tickets** opened in the year: ${r.tickets.closed} closed, ${r.tickets.open} open, ` +
      `${r.tickets.outOfScope} out of scope.`,
  ].join("\n");
}

function ticketsPerTier(r: SupportReport): string {
  return [
    "## Tickets per tier against the plan",
    "",
    "A ticket counts in every tier it entered.",
    "",
    `| Tier | Tickets | Plan pro rata (× ${r.elapsedShare}) | Plan per year |`,
    "| --- | ---: | ---: | ---: |",
    ...r.tiers.map((t) => `| ${t.tier} | ${t.tickets} | ${t.planProRata} | ${t.planPerYear} |`),
    "",
    barChart({
      title: "Tickets per tier (bars) and plan pro rata (line)",
      categories: r.tiers.map((t) => t.tier),
      yAxis: "Tickets",
      bars: r.tiers.map((t) => t.tickets),
      line: r.tiers.map((t) => t.planProRata),
    }),
  ].join("\n");
}

function slaCompliance(r: SupportReport): string {
  const met = r.tiers.reduce((n, t) => n + t.sla.met, 0);
  const missed = r.tiers.reduce((n, t) => n + t.sla.missed, 0);
  const pie = pieChart("First responses in time, all tiers", [
    { label: "Met", value: met },
    { label: "Missed", value: missed },
  ]);
  return [
    "## SLA compliance",
    "",
    "Met / decided response clocks. A clock unanswered past its target counts as missed; clocks still within target are not yet decided.",
    "",
    "| Tier | Met | Missed | Not yet decided | Compliance |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...r.tiers.map(
      (t) => `| ${t.tier} | ${t.sla.met} | ${t.sla.missed} | ${t.sla.undecided} | ${t.sla.compliancePercent === null ? "—" : percent(t.sla.compliancePercent)} |`,
    ),
    ...(pie ? ["", pie] : []),
  ].join("\n");
}

function firstResponse(r: SupportReport): string {
  const hours = (h: number | null) => (h === null ? "—" : `${h} h`);
  return [
    "## Time to first response",
    "",
    "In working hours of the responsible team. Median, and the 90th percentile by nearest rank.",
    "",
    "| Tier | Answered | Median | 90th percentile |",
    "| --- | ---: | ---: | ---: |",
    ...r.tiers.map((t) => `| ${t.tier} | ${t.firstResponse.answered} | ${hours(t.firstResponse.medianHours)} | ${hours(t.firstResponse.p90Hours)} |`),
  ].join("\n");
}

function openBreaches(breaches: OpenBreach[]): string {
  if (breaches.length === 0) return "## Open breaches\n\nNone: every open ticket past its target has been answered.";
  return [
    "## Open breaches",
    "",
    `${breaches.length} open ticket${breaches.length === 1 ? "" : "s"} past the response target with no response.`,
    "",
    "| Ticket | Title | Tier | Component | Partners |",
    "| --- | --- | --- | --- | --- |",
    ...breaches.map(
      (b) => `| #${b.number} | ${cell(b.title)} | ${b.tiers.join(", ")} | ${b.component ? `\`${cell(b.component)}\`` : "—"} | ${cell(b.partners.join(", ")) || "—"} |`,
    ),
  ].join("\n");
}

function effort(lines: EffortLine[]): string {
  const budgeted = lines.filter((l) => l.usedPercent !== null);
  const used = budgeted.map((l) => l.usedPercent as number);
  return [
    "## Effort against budget",
    "",
    "Days of logged effort (`/effort`) in the year; a day is `workingHours.hoursPerDay` hours. L1 and L2 are the desk's budgets, L3 is per partner.",
    "",
    "| Budget | Effort (days) | Budget (days) | Used |",
    "| --- | ---: | ---: | ---: |",
    ...lines.map(
      (l) => `| ${effortLabel(l)} | ${l.days} | ${l.budgetDays ?? "none"} | ${l.usedPercent === null ? "—" : percent(l.usedPercent)} |`,
    ),
    ...(budgeted.length
      ? [
          "",
          barChart({
            title: "Share of the yearly budget used (%)",
            categories: budgeted.map((l) => (l.partner ? `L3 ${l.partner}` : l.tier)),
            yAxis: "% used",
            bars: used,
            yMax: Math.max(100, ...used.map(Math.ceil)),
          }),
        ]
      : []),
  ].join("\n");
}

function effortLabel(line: EffortLine): string {
  if (!line.partner) return `${line.tier} (desk)`;
  return line.partnerName && line.partnerName !== line.partner ? `L3 ${line.partner} — ${cell(line.partnerName)}` : `L3 ${line.partner}`;
}

function outOfScope(r: SupportReport): string {
  return `## Out of scope\n\n${r.tickets.outOfScope} request${r.tickets.outOfScope === 1 ? "" : "s"} outside the plan (new functionality or infrastructure changes).`;
}

/** A table cell from reporter text: no pipes, no HTML, no line breaks, and no @mentions that would notify people. */
function cell(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "&#64;")
    .replace(/\|/g, "\\|")
    .trim();
}

function percent(value: number): string {
  return `${Number(value.toFixed(1))} %`;
}

function day(at: Date): string {
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
}

function instant(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
