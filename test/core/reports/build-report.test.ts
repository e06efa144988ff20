import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/core/reports/index.js";
import { answeredInTime, atNextYear, beforeYear, config, seedYear, ticket } from "./seed-year.js";

// The groups A–G and the two tickets outside the year are described in seed-year.ts.
describe("a support year of 52 tickets, checked against hand-worked figures", () => {
  const tickets = seedYear();
  const report = buildReport([beforeYear, ...tickets, atNextYear], config, 2026, new Date("2027-10-01T00:00:00Z"));

  it("seeds 52 tickets", () => expect(tickets).toHaveLength(52));

  it("covers 1 Sep 2026 up to 1 Sep 2027, over, so the plan is not scaled", () => {
    expect(report.start.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(report.end.toISOString()).toBe("2027-09-01T00:00:00.000Z");
    expect(report.elapsedShare).toBe(1);
  });

  it("counts the tickets opened in the year", () => {
    // open: #46, #47 (E) + #51, #52 (G) = 4; closed 52 − 4 = 48; out of scope #48–#50 = 3.
    // #100 (opened the day before) and #101 (opened at the next year's first instant) are left out.
    expect(report.tickets).toEqual({ total: 52, open: 4, closed: 48, outOfScope: 3 });
  });

  it.each([
    // L1: A 28 + B 4 + C 10 + D 2 + F 3 + G 2 = 49 (E went straight to L3)
    { tier: "L1", tickets: 49, plan: 36 },
    // L2: C 10 + D 2 = 12
    { tier: "L2", tickets: 12, plan: 12 },
    // L3: D 2 + E 3 = 5
    { tier: "L3", tickets: 5, plan: 4 },
  ])("$tier: $tickets tickets against a plan of $plan", ({ tier, tickets: count, plan }) => {
    const figures = report.tiers.find((t) => t.tier === tier);
    expect(figures?.tickets).toBe(count);
    expect(figures?.planPerYear).toBe(plan);
    expect(figures?.planProRata).toBe(plan); // whole year: factor 1
  });

  it.each([
    // L1 met: A 28 + C 10 + D 2 + F 3 = 43; missed: B 4 + #51 unanswered past target = 5; #52 undecided.
    // 43 / 48 = 0.895833… → 89.6 %
    { tier: "L1", met: 43, missed: 5, undecided: 1, compliancePercent: 89.6 },
    // L2 met: C 9 (20…180 min) + D 2 = 11; missed: C's 200 min = 1. 11 / 12 = 0.91666… → 91.7 %
    { tier: "L2", met: 11, missed: 1, undecided: 0, compliancePercent: 91.7 },
    // L3 met: D 2 + #45 = 3; missed: #46 = 1; #47 undecided. 3 / 4 = 75 %
    { tier: "L3", met: 3, missed: 1, undecided: 1, compliancePercent: 75 },
  ])("$tier SLA compliance is $compliancePercent %", ({ tier, ...sla }) => {
    expect(report.tiers.find((t) => t.tier === tier)?.sla).toEqual(sla);
  });

  it.each([
    // L1, 47 answered: A 5…140 (28), B 200 240 300 360, C 60 ×10, D 30 ×2, F 15 ×3.
    // Below 60: A 5…55 (11) + F 3 + D 2 = 16 → the eleven 60s (A's one + C's ten) are ranks 17–27.
    // Median: rank 24 → 60 min = 1 h. p90: ceil(0.9 × 47) = 43; above 60, A 65…140 are ranks 28–43
    // → 140 min = 2.333… → 2.33 h.
    { tier: "L1", answered: 47, medianHours: 1, p90Hours: 2.33 },
    // L2, 12 answered: 20 40 60 80 90 90 100 120 140 160 180 200. Median (90 + 100) / 2 = 95 min
    // = 1.5833… → 1.58 h. p90: ceil(0.9 × 12) = 11 → 180 min = 3 h.
    { tier: "L2", answered: 12, medianHours: 1.58, p90Hours: 3 },
    // L3, 3 answered: 120 480 960. Median 480 min = 8 h; p90: ceil(2.7) = 3 → 960 min = 16 h.
    { tier: "L3", answered: 3, medianHours: 8, p90Hours: 16 },
  ])("$tier first response: median $medianHours h, p90 $p90Hours h", ({ tier, ...times }) => {
    expect(report.tiers.find((t) => t.tier === tier)?.firstResponse).toEqual(times);
  });

  it("lists the open tickets past target with no response", () => {
    // #46 (L3) and #51 (L1); #100 is breached too but was opened before the year.
    expect(report.openBreaches).toEqual([
      { number: 46, title: "Map | viewer down, ping @someone", tiers: ["L3"], component: "vc-map-api", partners: ["VCS"] },
      { number: 51, title: "Dashboard empty", tiers: ["L1"], partners: ["ATC"] },
    ]);
  });

  it.each([
    // L1: A 28 × 60 + B 4 × 120 = 1680 + 480 = 2160 min / 60 / 8 = 4.5 days of 10 → 45 %
    { line: "L1", minutes: 2160, days: 4.5, budgetDays: 10, usedPercent: 45 },
    // L2: C 10 × 240 = 2400 min = 5 days of 8 → 62.5 %
    { line: "L2", minutes: 2400, days: 5, budgetDays: 8, usedPercent: 62.5 },
    { line: "L3 ATC", minutes: 0, days: 0, budgetDays: 6, usedPercent: 0 },
    // IMEC: #43 960 min = 2 days of 10 → 20 %
    { line: "L3 IMEC", minutes: 960, days: 2, budgetDays: 10, usedPercent: 20 },
    { line: "L3 VCS", minutes: 0, days: 0, budgetDays: 4, usedPercent: 0 },
    { line: "L3 P4ALL", minutes: 0, days: 0, budgetDays: 4, usedPercent: 0 },
    // KUL: #100 was opened before the year, but 720 min were logged on 2 Sep 2026 = 1.5 days of 3 → 50 %
    // (its 60 min logged on 31 Aug belong to the previous year)
    { line: "L3 KUL", minutes: 720, days: 1.5, budgetDays: 3, usedPercent: 50 },
    // TNO: #44 1440 + #45 480 = 1920 min = 4 days of 6 → 66.666… → 66.7 % (#45's 480 min of Sep 2027 excluded)
    { line: "L3 TNO", minutes: 1920, days: 4, budgetDays: 6, usedPercent: 66.7 },
    // DV has no L3 budget: 240 min = 0.5 days, no percentage
    { line: "L3 DV", minutes: 240, days: 0.5, budgetDays: null, usedPercent: null },
  ])("effort $line: $days days of $budgetDays", ({ line, ...figures }) => {
    const found = report.effort.find((l) => (l.partner ? `L3 ${l.partner}` : l.tier) === line);
    expect(found).toMatchObject(figures);
  });

  it("lists effort lines in budget order: L1, L2, then the budgeted partners, then unbudgeted ones", () => {
    expect(report.effort.map((l) => l.partner ?? l.tier)).toEqual(["L1", "L2", "ATC", "IMEC", "VCS", "P4ALL", "KUL", "TNO", "DV"]);
  });
});

describe("the plan pro rata while the year runs", () => {
  const calendarYear = { ...config, reportYearStart: "01-01" };
  it.each([
    // 2026 has 365 days; half of it is 182.5 days after 1 Jan = 2 Jul 12:00 UTC → 36/12/4 × 0.5
    { when: "half way", now: "2026-07-02T12:00:00Z", share: 0.5, plan: [18, 6, 2] },
    // 73 of 365 days = 0.2 → 7.2 / 2.4 / 0.8
    { when: "a fifth in", now: "2026-03-15T00:00:00Z", share: 0.2, plan: [7.2, 2.4, 0.8] },
    { when: "before the year starts", now: "2025-12-01T00:00:00Z", share: 0, plan: [0, 0, 0] },
    { when: "after the year is over", now: "2027-06-01T00:00:00Z", share: 1, plan: [36, 12, 4] },
  ])("$when: factor $share", ({ now, share, plan }) => {
    const report = buildReport([], calendarYear, 2026, new Date(now));
    expect(report.elapsedShare).toBe(share);
    expect(report.tiers.map((t) => t.planProRata)).toEqual(plan);
  });
});

describe("an empty year", () => {
  const report = buildReport([], config, 2026, new Date("2027-01-01T00:00:00Z"));

  it("has zero tickets and no compliance or response figures, rather than 0 % or 0 h", () => {
    expect(report.tickets).toEqual({ total: 0, open: 0, closed: 0, outOfScope: 0 });
    for (const tier of report.tiers) {
      expect(tier.tickets).toBe(0);
      expect(tier.sla).toEqual({ met: 0, missed: 0, undecided: 0, compliancePercent: null });
      expect(tier.firstResponse).toEqual({ answered: 0, medianHours: null, p90Hours: null });
    }
    expect(report.openBreaches).toEqual([]);
  });

  it("still lists every budget, unused", () => {
    expect(report.effort).toHaveLength(8);
    expect(report.effort.every((l) => l.minutes === 0 && l.usedPercent === 0)).toBe(true);
  });
});

describe("SLA compliance never loses an unanswered breach", () => {
  it("counts a clock past its target as missed even when `met` was left undecided", () => {
    const tickets = [
      ticket(1, { state: "open", clocks: [{ tier: "L1", state: "breached", breachedOpen: true }] }),
      ticket(2, { clocks: [answeredInTime("L1", 30)] }),
    ];
    // met 1, missed 1 → 50 %
    const l1 = buildReport(tickets, config, 2026, new Date("2027-10-01T00:00:00Z")).tiers[0];
    expect(l1?.sla).toEqual({ met: 1, missed: 1, undecided: 0, compliancePercent: 50 });
  });
});
