import { describe, expect, it } from "vitest";
import { buildReport, renderReportJson, renderReportMarkdown } from "../../../src/core/reports/index.js";
import { config, seedYear, ticket } from "./seed-year.js";

const midYear = new Date("2027-03-01T09:00:00Z"); // 181.375 of 365 days → factor 0.4969
const report = buildReport(seedYear(), config, 2026, midYear);
const markdown = renderReportMarkdown(report);

function section(title: string): string {
  const start = markdown.indexOf(`## ${title}`);
  const next = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe("report markdown", () => {
  it.each([
    { description: "the support year and the pro-rata factor", text: "Support year 1 Sep 2026 – 31 Aug 2027 (UTC)" },
    { description: "the factor the plan is scaled by", text: "so the plan is scaled by 0.4969" },
    // 36 × 0.4969 = 17.89 → 17.9; 12 × 0.4969 = 5.96 → 6; 4 × 0.4969 = 1.99 → 2
    { description: "tickets per tier against the plan", text: "| L1 | 49 | 17.9 | 36 |" },
    { description: "SLA compliance per tier", text: "| L1 | 43 | 5 | 1 | 89.6 % |" },
    { description: "response times in working hours", text: "| L2 | 12 | 1.58 h | 3 h |" },
    { description: "effort against a partner's budget, with its name", text: "| L3 KUL — KU Leuven | 0 | 3 | 0 % |" },
    { description: "a partner with effort but no budget", text: "| L3 DV — Digitaal Vlaanderen (VITO) | 0.5 | none | — |" },
    { description: "the out-of-scope count", text: "3 requests outside the plan" },
  ])("shows $description", ({ text }) => {
    expect(markdown).toContain(text);
  });

  it("draws tickets per tier as bars with the plan as a line", () => {
    expect(section("Tickets per tier")).toContain(
      ["```mermaid", "xychart-beta", '  title "Tickets per tier (bars) and plan pro rata (line)"', '  x-axis ["L1", "L2", "L3"]', '  y-axis "Tickets" 0 --> 49', "  bar [49, 12, 5]", "  line [17.9, 6, 2]", "```"].join("\n"),
    );
  });

  it("draws SLA compliance as a pie of met and missed clocks", () => {
    // met 43 + 11 + 3 = 57, missed 5 + 1 + 1 = 7
    expect(section("SLA compliance")).toContain('pie showData\n  title First responses in time, all tiers\n  "Met" : 57\n  "Missed" : 7\n```');
  });

  it("draws only budgeted lines in the effort chart, on a scale of at least 100 %", () => {
    const chart = section("Effort against budget");
    expect(chart).toContain('x-axis ["L1", "L2", "L3 ATC", "L3 IMEC", "L3 VCS", "L3 P4ALL", "L3 KUL", "L3 TNO"]');
    expect(chart).toContain('y-axis "% used" 0 --> 100');
  });

  it("stretches the effort chart when a budget is overrun", () => {
    const overrun = buildReport(
      [ticket(1, { effort: [{ partner: "ATC", tier: "L1", minutes: 10 * 8 * 60 * 1.5, at: new Date("2026-10-01T00:00:00Z") }] })],
      config,
      2026,
      midYear,
    );
    const text = renderReportMarkdown(overrun);
    expect(text).toContain("| L1 (desk) | 15 | 10 | 150 % |");
    expect(text).toContain('y-axis "% used" 0 --> 150');
  });

  it("lists open breaches without letting a title break the table or mention anyone", () => {
    expect(section("Open breaches")).toContain("| #46 | Map \\| viewer down, ping &#64;someone | L3 | `vc-map-api` | VCS |");
    expect(markdown).not.toContain("@someone");
  });

  it("keeps chart labels from breaking out of their quotes", () => {
    const quoted = buildReport([], { ...config, budgets: { ...config.budgets, L3: { ...config.budgets.L3, days: { 'X"Y': 1 } } } }, 2026, midYear);
    expect(renderReportMarkdown(quoted)).toContain('"L3 XY"');
  });

  it("says so plainly for an empty year: no pie, dashes for missing figures, no breaches", () => {
    const empty = renderReportMarkdown(buildReport([], config, 2026, midYear));
    expect(empty).not.toContain("pie");
    expect(empty).toContain("| L1 | 0 | 0 | 0 | — |");
    expect(empty).toContain("| L3 | 0 | — | — |");
    expect(empty).toContain("None: every open ticket past its target has been answered.");
  });
});

describe("report JSON", () => {
  const parsed = JSON.parse(renderReportJson(report));

  it("carries the same figures, dates as ISO strings", () => {
    expect(parsed.start).toBe("2026-09-01T00:00:00.000Z");
    expect(parsed.generatedAt).toBe("2027-03-01T09:00:00.000Z");
    expect(parsed.elapsedShare).toBe(0.4969);
    expect(parsed.tiers[0]).toMatchObject({ tier: "L1", tickets: 49, planProRata: 17.9, sla: { compliancePercent: 89.6 } });
    expect(parsed.openBreaches.map((b: { number: number }) => b.number)).toEqual([46, 51]);
  });

  it("writes missing figures as null, not as absent keys", () => {
    const empty = JSON.parse(renderReportJson(buildReport([], config, 2026, midYear)));
    expect(empty.tiers[2].firstResponse).toEqual({ answered: 0, medianHours: null, p90Hours: null });
    expect(empty.tiers[2].sla.compliancePercent).toBeNull();
  });
});
