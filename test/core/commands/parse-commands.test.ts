import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/core/commands/index.js";

const names = (body: string) => parseCommands(body).map((c) => c.line);

describe("parseCommands", () => {
  it.each([
    { description: "a command alone", body: "/tier L2", lines: ["/tier L2"] },
    { description: "a command after spaces", body: "   /impact high", lines: ["/impact high"] },
    { description: "several commands, in order", body: "/tier L2\nThanks!\n/impact low\n/effort 1h", lines: ["/tier L2", "/impact low", "/effort 1h"] },
    { description: "a command mid-sentence is text", body: "please run /tier L2 on this", lines: [] },
    { description: "a quoted command is ignored", body: "> /tier L3\nI disagree", lines: [] },
    { description: "an indented quote is ignored", body: "  > /escalate", lines: [] },
    { description: "a command in a fenced block is ignored", body: "```\n/tier L3\n```\n/tier L1", lines: ["/tier L1"] },
    { description: "a command in a tilde fence is ignored", body: "~~~sh\n/resume\n~~~", lines: [] },
    { description: "a longer fence is closed only by a fence as long", body: "````\n```\n/tier L3\n````\n/pause reporter", lines: ["/pause reporter"] },
    { description: "an unclosed fence hides the rest", body: "```\n/tier L3", lines: [] },
    { description: "a command in an HTML comment is ignored", body: "<!--\n/tier L3\n-->\n/resume", lines: ["/resume"] },
    { description: "a path at line start is not a command", body: "/usr/bin/env node failed\n/var/log/app.log", lines: [] },
    { description: "a file name at line start is not a command", body: "/index.html returns 404", lines: [] },
    { description: "CRLF line endings", body: "/tier L2\r\n/impact low\r\n", lines: ["/tier L2", "/impact low"] },
    { description: "an unknown /word is still found (the registry answers it)", body: "/frobnicate now", lines: ["/frobnicate now"] },
  ])("$description", ({ body, lines }) => {
    expect(names(body)).toEqual(lines);
  });

  it("splits arguments and keeps the text up to the next command", () => {
    const [faq, tier] = parseCommands("/faq Clear the cache.\nThen sign in again.\n\n/Tier   l2  ");
    expect(faq).toMatchObject({ name: "faq", argText: "Clear the cache.", following: "Then sign in again.", lineNumber: 1 });
    expect(tier).toMatchObject({ name: "tier", args: ["l2"], line: "/Tier   l2", lineNumber: 4, following: "" });
  });

  it("keeps fenced text (a command inside it included) in the text after a command", () => {
    const [escalate] = parseCommands("/escalate\n### What happened\n```\n/tier L3\n```");
    expect(escalate!.following).toBe("### What happened\n```\n/tier L3\n```");
  });
});

describe("the text of /escalate and /faq", () => {
  it.each([
    { description: "keeps an unknown /word as text", body: "/escalate\nWhat happened:\n/login returns 500\n", lines: ["/escalate"], text: "What happened:\n/login returns 500" },
    { description: "ends at a known command", body: "/faq Restart it.\n/tier L2", lines: ["/faq Restart it.", "/tier L2"], text: "Restart it." },
  ])("$description", ({ body, lines, text }) => {
    const parsed = parseCommands(body);
    expect(parsed.map((c) => c.line)).toEqual(lines);
    expect(parsed[0]!.text).toBe(text);
  });
});

describe("parseCommands follows CommonMark's code blocks", () => {
  it.each([
    { description: "a line opening with inline triple backticks is no fence", body: "```make deploy``` fails\n/tier L2", lines: ["/tier L2"] },
    { description: "four spaces make an indented code block", body: "Try this:\n\n    /tier L2", lines: [] },
    { description: "up to three spaces are still a command", body: "   /tier L2", lines: ["/tier L2"] },
  ])("$description", ({ body, lines }) => {
    expect(parseCommands(body).map((c) => c.line)).toEqual(lines);
  });
});
