import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/core/config/index.js";
import { hasFormSections, parseSections, readSupportRequest } from "../../../src/core/intake/parse-body.js";
import { formBody } from "../../fixtures/webhooks.js";

const config = defaultConfig();

describe("readSupportRequest", () => {
  it("reads a complete issue-form body", () => {
    const body = formBody({
      Component: "VC Map API",
      Impact: "medium",
      "Request type": "bug",
      "What happened": "Layers do not load.\n\nSecond paragraph.",
      "When did it happen": "2026-11-25 14:00",
      "Steps to reproduce": "1. Open the map\n2. Toggle buildings",
      Where: "platform",
    });
    const { request, missing, problems } = readSupportRequest(body, config);
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
    expect(request).toMatchObject({
      component: { id: "vc-map-api", owners: ["VCS"] },
      impact: "medium",
      requestType: "bug",
      whatHappened: "Layers do not load.\n\nSecond paragraph.",
      whenHappened: "2026-11-25 14:00",
      where: "platform",
    });
  });

  it.each([
    { description: "the component id instead of its name", field: "Component", value: "noise-modeller-pilsen", expect: { component: expect.objectContaining({ id: "noise-modeller-pilsen" }) } },
    { description: "a capitalised impact with its definition", field: "Impact", value: "High — the platform is down", expect: { impact: "high" } },
    { description: "a request type in capitals", field: "Request type", value: "Feature Request", expect: { requestType: "feature request" } },
    { description: "where in lower case", field: "Where", value: "api", expect: { where: "API" } },
  ])("accepts $description", ({ field, value, expect: wanted }) => {
    const { request } = readSupportRequest(formBody({ [field]: value }), config);
    expect(request).toMatchObject(wanted);
  });

  it.each([
    { description: "an unknown component", field: "Component", value: "Quantum engine", where: "Component", message: '"Quantum engine" is not a known component' },
    { description: "an impact outside low/medium/high", field: "Impact", value: "critical", where: "Impact", message: "use one of low, medium, high" },
    { description: "an unknown request type", field: "Request type", value: "complaint", where: "Request type", message: "use one of bug, question" },
    { description: "an unknown place", field: "Where", value: "mobile app", where: "Where", message: "use one of portal, platform, API, other" },
  ])("names the field for $description", ({ field, value, where, message }) => {
    const { problems, missing } = readSupportRequest(formBody({ [field]: value }), config);
    expect(problems).toContainEqual({ where, message: expect.stringContaining(message) });
    expect(missing).not.toContain(field === "Request type" ? "requestType" : field.toLowerCase());
  });

  it("lists missing required fields in form order; `_No response_` counts as missing", () => {
    const { missing } = readSupportRequest(formBody({ Component: "CesiumJS", "Steps to reproduce": "none" }), config);
    expect(missing).toEqual(["impact", "requestType", "whatHappened", "whenHappened"]);
  });

  it("a body with no sections misses every required field", () => {
    expect(readSupportRequest("Help, nothing works!", config).missing).toHaveLength(5);
    expect(readSupportRequest(null, config).missing).toHaveLength(5);
  });
});

describe("parseSections", () => {
  it("keeps a `###` line inside a fenced code block as text", () => {
    const body = "### What happened\n\n```\n### not a heading\n```\n\n### Impact\n\nlow";
    expect(parseSections(body).get("What happened")).toBe("```\n### not a heading\n```");
    expect(parseSections(body).get("Impact")).toBe("low");
  });

  it("reads Windows line endings", () => {
    expect(parseSections("### Impact\r\n\r\nhigh\r\n").get("Impact")).toBe("high");
  });

  it("keeps the first of two sections with the same label", () => {
    expect(parseSections("### Impact\n\nlow\n\n### Impact\n\nhigh").get("Impact")).toBe("low");
  });

  it("tells form bodies from free text", () => {
    expect(hasFormSections(formBody({ Impact: "low" }))).toBe(true);
    expect(hasFormSections("### Notes\n\nhello")).toBe(false);
  });
});
