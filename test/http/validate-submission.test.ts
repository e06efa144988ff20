import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/core/config/parse.js";
import { type RawFields, readRawFields, validateSubmission } from "../../src/http/validate-submission.js";

const valid: RawFields = {
  component: "cesiumjs",
  impact: "low",
  requestType: "question",
  whatHappened: "The globe is black",
  whenHappened: "this morning",
};

describe("validateSubmission", () => {
  it("accepts a complete request and keeps the contact apart from the submission", () => {
    const result = validateSubmission({ ...valid, name: " Ada ", email: "ada@example.org" }, defaultConfig());
    expect(result).toEqual({
      ok: true,
      submission: {
        component: { id: "cesiumjs", name: "CesiumJS" },
        impact: "low",
        requestType: "question",
        whatHappened: "The globe is black",
        whenHappened: "this morning",
        steps: undefined,
        where: undefined,
      },
      contact: { name: "Ada", email: "ada@example.org" },
    });
  });

  it.each([
    ["a missing component", { component: "" }, { component: "required" }],
    ["a component not in the configuration", { component: "kafka-streams" }, { component: "unknownComponent" }],
    ["an impact outside low/medium/high", { impact: "urgent" }, { impact: "unknownImpact" }],
    ["an unknown request type", { requestType: "complaint" }, { requestType: "unknownRequestType" }],
    ["blank text where text is required", { whatHappened: "   " }, { whatHappened: "required" }],
    ["a missing time", { whenHappened: undefined }, { whenHappened: "required" }],
    ["an unknown place", { where: "moon" }, { where: "unknownWhere" }],
    ["an e-mail without a domain", { email: "ada@" }, { email: "invalidEmail" }],
    ["an e-mail with a space", { email: "ada lovelace@example.org" }, { email: "invalidEmail" }],
    ["text over the length limit", { whatHappened: "x".repeat(10_001) }, { whatHappened: "tooLong" }],
  ])("rejects %s, naming the field", (_d, change, errors) => {
    expect(validateSubmission({ ...valid, ...change }, defaultConfig())).toEqual({ ok: false, errors });
  });

  it("reports every bad field at once", () => {
    const result = validateSubmission({}, defaultConfig());
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(["component", "impact", "requestType", "whatHappened", "whenHappened"]);
  });

  it("only offers components of the repository's configuration", () => {
    const config = defaultConfig();
    delete config.components.cesiumjs;
    expect(validateSubmission(valid, config)).toEqual({ ok: false, errors: { component: "unknownComponent" } });
  });
});

describe("readRawFields", () => {
  it("reports a JSON value that is not text and ignores unknown keys", () => {
    expect(readRawFields({ impact: 3, component: "x", admin: true })).toEqual({ fields: { component: "x" }, errors: { impact: "notText" } });
  });
});
