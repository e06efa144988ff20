import { describe, expect, it } from "vitest";
import { elapsedShare, supportYear } from "../../../src/core/reports/index.js";

describe("support year", () => {
  it.each([
    { description: "calendar year", start: "01-01", year: 2026, from: "2026-01-01", to: "2027-01-01" },
    { description: "starts at the project's end", start: "09-01", year: 2026, from: "2026-09-01", to: "2027-09-01" },
    // No 29 February in 2027: the year starts on the 28th and the next one on the 29th, with no gap.
    { description: "29 February in a common year", start: "02-29", year: 2027, from: "2027-02-28", to: "2028-02-29" },
    { description: "29 February in a leap year", start: "02-29", year: 2028, from: "2028-02-29", to: "2029-02-28" },
  ])("$description", ({ start, year, from, to }) => {
    const period = supportYear(start, year);
    expect(period.start.toISOString()).toBe(`${from}T00:00:00.000Z`);
    expect(period.end.toISOString()).toBe(`${to}T00:00:00.000Z`);
  });

  it.each([
    { description: "at the first instant", now: "2026-01-01T00:00:00Z", share: 0 },
    { description: "a quarter in (91.25 of 365 days)", now: "2026-04-02T06:00:00Z", share: 0.25 },
    { description: "at the end", now: "2027-01-01T00:00:00Z", share: 1 },
    { description: "long after", now: "2030-01-01T00:00:00Z", share: 1 },
  ])("elapsed share $description", ({ now, share }) => {
    expect(elapsedShare(supportYear("01-01", 2026), new Date(now))).toBe(share);
  });
});
