import { describe, expect, it } from "vitest";
import { readWebFormEnv } from "../../src/http/web-form-env.js";

describe("readWebFormEnv", () => {
  it("gives the documented defaults for an empty environment (the form is off without SUPPORT_REPO)", () => {
    expect(readWebFormEnv({})).toEqual({
      ok: true,
      value: {
        repo: undefined,
        databasePath: "./data/duet-support.db",
        retention: { afterCloseDays: 90, maxDays: 365 },
        smtpUrl: undefined,
        smtpFrom: "DUET support <no-reply@localhost>",
        allowedOrigins: [],
      },
    });
  });

  it("reads every variable", () => {
    const result = readWebFormEnv({
      SUPPORT_REPO: "duet/support",
      DATABASE_PATH: "/var/lib/duet.db",
      RETENTION_DAYS: "30",
      SMTP_URL: "smtp://mail:25",
      SMTP_FROM: "desk@duet.example",
      SUPPORT_ALLOWED_ORIGINS: "https://portal.example.org, https://citytwin.eu/",
    });
    expect(result.ok && result.value).toMatchObject({
      repo: { owner: "duet", repo: "support" },
      databasePath: "/var/lib/duet.db",
      retention: { afterCloseDays: 30, maxDays: 365 },
      allowedOrigins: ["https://portal.example.org", "https://citytwin.eu"],
    });
  });

  it.each([
    ["SUPPORT_REPO", { SUPPORT_REPO: "support" }],
    ["RETENTION_DAYS", { RETENTION_DAYS: "ninety" }],
    ["SMTP_URL", { SMTP_URL: "mail.example.org" }],
    ["SUPPORT_ALLOWED_ORIGINS", { SUPPORT_ALLOWED_ORIGINS: "portal.example.org/path" }],
  ])("names %s when it is malformed", (variable, env) => {
    const result = readWebFormEnv(env);
    expect(result.ok ? [] : result.problems.map((p) => p.where)).toEqual([variable]);
  });
});
