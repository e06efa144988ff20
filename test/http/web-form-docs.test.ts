import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/http/context.js";
import { readWebFormEnv } from "../../src/http/web-form-env.js";
import { DEFAULT_BACKOFF } from "../../src/store/outbox-worker.js";

// docs/web-form.md promises these figures; the test fails when the code changes without the docs.
const doc = readFileSync(new URL("../../docs/web-form.md", import.meta.url), "utf8");
const defaults = readWebFormEnv({});

describe("docs/web-form.md", () => {
  it.each([
    ["the default database path", `\`${defaults.ok && defaults.value.databasePath}\``],
    ["the retention after close", `| \`${defaults.ok && defaults.value.retention.afterCloseDays}\` |`],
    ["the longest retention", `${defaults.ok && defaults.value.retention.maxDays} days after submission`],
    ["the body limit", `over ${DEFAULT_LIMITS.bodyBytes / 1024} KB`],
    ["the rate limit burst", `(${DEFAULT_LIMITS.rate.burst} posts at`],
    ["the rate limit refill", `one every ${DEFAULT_LIMITS.rate.refillMs / 1000} s`],
    ["the inline wait", `(up to ${DEFAULT_LIMITS.inlineDeliveryMs / 1000} s)`],
    ["the backoff start", `(${DEFAULT_BACKOFF.baseMs / 1000} s doubling, capped at ${DEFAULT_BACKOFF.capMs / 60_000} minutes`],
  ])("states %s", (_d, text) => {
    expect(doc).toContain(text);
  });

  it.each(["SUPPORT_REPO", "DATABASE_PATH", "RETENTION_DAYS", "SMTP_URL", "SMTP_FROM", "SUPPORT_ALLOWED_ORIGINS"])("documents %s", (variable) => {
    expect(doc).toContain(`| \`${variable}\` |`);
  });
});
