import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/core/config/parse.js";
import { readSupportRequest } from "../../../src/core/intake/parse-body.js";
import { type WebSubmission, readWebFormKey, renderWebFormIssue, webFormMarker } from "../../../src/core/intake/render-body.js";

const submission: WebSubmission = {
  component: { id: "message-broker", name: "Message Broker" },
  impact: "medium",
  requestType: "bug",
  whatHappened: "Messages stopped arriving @ops\nsecond line",
  whenHappened: "2026-03-02 10:15 CET",
};

describe("renderWebFormIssue", () => {
  it("writes the issue form's sections in order, with _No response_ for empty optional fields", () => {
    const { body } = renderWebFormIssue(submission, "WF-ABC");
    expect(body).toBe(
      [
        "<!-- duet-support:web-form key=WF-ABC -->\n\n",
        "### Component\n\nMessage Broker\n\n",
        "### Impact\n\nmedium\n\n",
        "### Request type\n\nbug\n\n",
        "### What happened\n\nMessages stopped arriving `@ops`\nsecond line\n\n",
        "### When did it happen\n\n2026-03-02 10:15 CET\n\n",
        "### Steps to reproduce\n\n_No response_\n\n",
        "### Where\n\n_No response_\n\n",
      ].join(""),
    );
  });

  it("is read back by the intake parser as the same request (triage treats both channels alike)", () => {
    const { body } = renderWebFormIssue({ ...submission, steps: "1. open\n```\n### Impact\n", where: "API" }, "WF-1");
    const read = readSupportRequest(body, defaultConfig());
    expect(read.missing).toEqual([]);
    expect(read.problems).toEqual([]);
    expect(read.request).toMatchObject({ impact: "medium", requestType: "bug", where: "API", component: { id: "message-broker" } });
  });

  it.each([
    ["the first line of what happened follows the component", submission, "Message Broker: Messages stopped arriving @ops"],
    ["a long first line is cut", { ...submission, whatHappened: "x".repeat(200) }, `Message Broker: ${"x".repeat(79)}…`],
  ])("title: %s", (_d, input, title) => {
    expect(renderWebFormIssue(input, "WF-1").title).toBe(title);
  });

  it("never carries anything but the reporter's request (no contact fields exist on the input)", () => {
    const input = { ...submission, name: "Ada Lovelace", email: "ada@example.org" } as WebSubmission;
    const { title, body } = renderWebFormIssue(input, "WF-1");
    expect(`${title}\n${body}`).not.toMatch(/Ada|ada@example/);
  });
});

describe("readWebFormKey", () => {
  it.each([
    ["reads the leading marker", `${webFormMarker("WF-7")}\n\n### Component\n\nx\n\n`, "WF-7"],
    ["ignores a marker a reporter put inside code further down", "### What happened\n\n```\n<!-- duet-support:web-form key=WF-9 -->\n```\n", undefined],
    ["ignores an issue without one", "plain body", undefined],
    ["ignores an empty body", null, undefined],
  ])("%s", (_d, body, key) => {
    expect(readWebFormKey(body)).toBe(key);
  });
});
