import { describe, expect, it } from "vitest";
import { backoffMs, classifyFailure } from "../../src/store/outbox-worker.js";

describe("backoffMs", () => {
  const backoff = { baseMs: 2_000, capMs: 60_000 };
  it.each([
    ["the first retry waits the base delay", 1, 2_000],
    ["each retry doubles the wait", 3, 8_000],
    ["the wait never exceeds the cap", 10, 60_000],
    ["a huge attempt count does not overflow", 10_000, 60_000],
  ])("%s", (_d, attempts, expected) => {
    expect(backoffMs(attempts, backoff)).toBe(expected);
  });
});

describe("classifyFailure", () => {
  it.each([
    ["a validation error is final and created nothing", { status: 422 }, { permanent: true, mayExist: false }],
    ["a missing repository is final", { status: 404 }, { permanent: true, mayExist: false }],
    ["a rate limit is retried and created nothing", { status: 403 }, { permanent: false, mayExist: false }],
    ["a bad gateway is retried and may have created the issue", { status: 502 }, { permanent: false, mayExist: true }],
    ["a dropped connection may have created the issue", new Error("socket hang up"), { permanent: false, mayExist: true }],
  ])("%s", (_d, error, expected) => {
    expect(classifyFailure(error)).toEqual(expected);
  });
});
