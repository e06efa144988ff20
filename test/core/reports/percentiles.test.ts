import { describe, expect, it } from "vitest";
import { median, nearestRankPercentile } from "../../../src/core/reports/index.js";

describe("median", () => {
  it.each([
    { description: "no values", values: [], expected: undefined },
    { description: "one value", values: [42], expected: 42 },
    { description: "odd count: the middle value", values: [9, 1, 5], expected: 5 },
    { description: "even count: mean of the two middle values", values: [4, 1, 3, 2], expected: 2.5 },
    { description: "ties", values: [7, 7, 7, 1], expected: 7 },
  ])("$description", ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe("nearest-rank percentile", () => {
  const tenValues = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  it.each([
    { description: "no values", values: [], percent: 90, expected: undefined },
    { description: "one value is every percentile", values: [5], percent: 90, expected: 5 },
    // ceil(0.9 × 10) = 9 → the 9th value
    { description: "p90 of 10 values is the 9th", values: tenValues, percent: 90, expected: 90 },
    // ceil(0.9 × 11) = ceil(9.9) = 10 → the 10th value
    { description: "p90 of 11 values is the 10th", values: [...tenValues, 110], percent: 90, expected: 100 },
    // ceil(0.9 × 3) = 3 → the largest
    { description: "p90 of 3 values is the largest", values: [960, 120, 480], percent: 90, expected: 960 },
    { description: "p100 is the maximum", values: [3, 9, 1], percent: 100, expected: 9 },
    // ceil(0.5 × 4) = 2 → always an observed value, never a mean
    { description: "p50 is an observed value", values: [1, 2, 3, 4], percent: 50, expected: 2 },
  ])("$description", ({ values, percent, expected }) => {
    expect(nearestRankPercentile(values, percent)).toBe(expected);
  });

  it.each([0, -5, 101])("rejects percentile %s", (percent) => {
    expect(() => nearestRankPercentile([1], percent)).toThrow(RangeError);
  });
});
