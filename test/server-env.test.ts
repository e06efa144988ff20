import { describe, expect, it } from "vitest";
import { readServerEnv } from "../src/server-env.js";

const creds = { APP_ID: "123", PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\n..." };

describe("the server's environment", () => {
  it.each([
    { description: "no credentials: Probot's setup page", env: {}, setupMode: true },
    { description: "credentials and a webhook secret: the app", env: { ...creds, WEBHOOK_SECRET: "s3cret" }, setupMode: false },
    { description: "no secret but NODE_ENV=development", env: { ...creds, NODE_ENV: "development" }, setupMode: false },
  ])("$description", ({ env, setupMode }) => {
    const result = readServerEnv(env);
    expect(result.ok && result.value.setupMode).toBe(setupMode);
  });

  it.each([
    { description: "credentials without WEBHOOK_SECRET (Probot would accept 'development')", env: creds, where: "WEBHOOK_SECRET" },
    { description: "a non-numeric APP_ID", env: { APP_ID: "duet" }, where: "APP_ID" },
    { description: "a negative sweep interval", env: { SWEEP_INTERVAL_MINUTES: "-5" }, where: "SWEEP_INTERVAL_MINUTES" },
    { description: "a sweep interval that is not a number", env: { SWEEP_INTERVAL_MINUTES: "often" }, where: "SWEEP_INTERVAL_MINUTES" },
    { description: "a malformed SUPPORT_REPO", env: { SUPPORT_REPO: "support" }, where: "SUPPORT_REPO" },
  ])("refuses $description, naming the variable", ({ env, where }) => {
    const result = readServerEnv(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.where).toBe(where);
  });

  it("sweeps every 15 minutes by default; 0 turns the sweep off", () => {
    const byDefault = readServerEnv({});
    const off = readServerEnv({ SWEEP_INTERVAL_MINUTES: "0" });
    expect(byDefault.ok && byDefault.value.sweepIntervalMinutes).toBe(15);
    expect(off.ok && off.value.sweepIntervalMinutes).toBe(0);
  });
});
