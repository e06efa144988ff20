import { describe, expect, it } from "vitest";
import { appendFaqEntry, parseFaq, renderFaqEntry } from "../../../src/core/faq/index.js";

const FAQ = [
  "# Frequently asked questions",
  "",
  "Intro text before the first question is not an entry.",
  "",
  "## How do I reset my password?",
  "",
  "Choose **Forgot password?** on the sign-in page.",
  "",
  "### If the e-mail does not arrive",
  "",
  "Check the spam folder.",
  "",
  "## Why does the API return 401? ##",
  "Tokens expire after one hour.",
  "```sh",
  "## not a heading inside a code block",
  "curl -H 'Authorization: Bearer …'",
  "```",
].join("\n");

describe("parseFaq", () => {
  it("reads each `## ` heading as a question and the text up to the next one as its answer", () => {
    const parsed = parseFaq(FAQ, "docs/faq.md");
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          question: "How do I reset my password?",
          answer: "Choose **Forgot password?** on the sign-in page.\n\n### If the e-mail does not arrive\n\nCheck the spam folder.",
          line: 5,
          anchor: "how-do-i-reset-my-password",
        },
        {
          question: "Why does the API return 401?",
          answer: "Tokens expire after one hour.\n```sh\n## not a heading inside a code block\ncurl -H 'Authorization: Bearer …'\n```",
          line: 13,
          anchor: "why-does-the-api-return-401",
        },
      ],
    });
  });

  it.each([
    { description: "an empty file", markdown: "", questions: [] },
    { description: "only a title", markdown: "# FAQ\n\nNothing yet.\n", questions: [] },
    { description: "Windows line endings", markdown: "## A?\r\nYes.\r\n## B?\r\nNo.\r\n", questions: ["A?", "B?"] },
    { description: "`###` is part of an answer, not a question", markdown: "## A?\n### Detail\nYes.", questions: ["A?"] },
    { description: "`##` with no space is not a heading", markdown: "## A?\n##not a heading\n", questions: ["A?"] },
    { description: "a `~~~` fence hides headings too", markdown: "## A?\n~~~\n## code\n~~~\n", questions: ["A?"] },
  ])("$description", ({ markdown, questions }) => {
    const parsed = parseFaq(markdown, "docs/faq.md");
    expect(parsed.ok && parsed.value.map((e) => e.question)).toEqual(questions);
  });

  it.each([
    {
      description: "an entry with no answer, naming its line",
      markdown: "# FAQ\n\n## How do I log in?\n\n## Which browsers?\nChrome.",
      problems: [{ where: "docs/faq.md:3", message: '"How do I log in?" has no answer: write it below the heading, before the next "## "' }],
    },
    {
      description: "the last entry with no answer",
      markdown: "## Which browsers?\nChrome.\n## How do I log in?\n   \n",
      problems: [{ where: "docs/faq.md:3", message: '"How do I log in?" has no answer: write it below the heading, before the next "## "' }],
    },
    {
      description: "a duplicate question, naming both lines (case and punctuation do not make it new)",
      markdown: "## Which browsers?\nChrome.\n\n## which browsers\nFirefox.",
      problems: [{ where: "docs/faq.md:4", message: '"which browsers" repeats the question at line 1' }],
    },
    {
      description: "a heading with no question",
      markdown: "## \nOrphan text.",
      problems: [{ where: "docs/faq.md:1", message: "a `## ` heading with no question" }],
    },
    {
      description: "every problem at once",
      markdown: "## A?\n## A?\nYes.",
      problems: [
        { where: "docs/faq.md:1", message: '"A?" has no answer: write it below the heading, before the next "## "' },
        { where: "docs/faq.md:2", message: '"A?" repeats the question at line 1' },
      ],
    },
  ])("reports $description", ({ markdown, problems }) => {
    expect(parseFaq(markdown, "docs/faq.md")).toEqual({ ok: false, problems });
  });
});

describe("renderFaqEntry", () => {
  it.each([
    { description: "a plain entry", question: "How do I export?", answer: "Use **Export**.", expected: "## How do I export?\n\nUse **Export**.\n" },
    { description: "a multi-line title becomes one line", question: "How do I\n  export?", answer: "Use Export.", expected: "## How do I export?\n\nUse Export.\n" },
    {
      description: "headings in the answer are demoted so the entry stays whole",
      question: "Q?",
      answer: "## Steps\n# Also\n### Kept\n```\n## code stays\n```",
      expected: "## Q?\n\n### Steps\n### Also\n### Kept\n```\n## code stays\n```\n",
    },
  ])("$description", ({ question, answer, expected }) => {
    expect(renderFaqEntry(question, answer)).toBe(expected);
  });

  it("renders an entry that parses back to the same question and answer", () => {
    const parsed = parseFaq(renderFaqEntry("Why is the map blank?", "Turn on WebGL.\n\n## Still blank\nClear the cache."), "f.md");
    expect(parsed.ok && parsed.value[0]).toMatchObject({ question: "Why is the map blank?", answer: "Turn on WebGL.\n\n### Still blank\nClear the cache." });
  });
});

describe("appendFaqEntry", () => {
  it("adds the entry at the end with one blank line before it, keeping the file as it was", () => {
    const result = appendFaqEntry("# FAQ\n\n## A?\nYes.\n\n\n", { question: "B?", answer: "No." });
    expect(result).toEqual({ ok: true, value: "# FAQ\n\n## A?\nYes.\n\n## B?\n\nNo.\n" });
  });

  it("starts a missing or empty FAQ with a title", () => {
    expect(appendFaqEntry("", { question: "B?", answer: "No." })).toEqual({ ok: true, value: "# Frequently asked questions\n\n## B?\n\nNo.\n" });
  });

  it("keeps the result parseable with the new entry last", () => {
    const result = appendFaqEntry(FAQ, { question: "How do I share a case?", answer: "Choose **Share**." });
    const parsed = result.ok ? parseFaq(result.value, "docs/faq.md") : result;
    expect(parsed.ok && parsed.value.map((e) => e.question)).toEqual(["How do I reset my password?", "Why does the API return 401?", "How do I share a case?"]);
  });

  it.each([
    { description: "a question already in the FAQ", entry: { question: "how do I reset my password", answer: "x" }, where: "docs/faq.md:5", message: 'the FAQ already asks "How do I reset my password?"' },
    { description: "an empty question", entry: { question: "  ", answer: "x" }, where: "question", message: "the FAQ entry needs a question (the issue title is empty)" },
    { description: "an empty answer", entry: { question: "New?", answer: "\n " }, where: "answer", message: '"New?" needs an answer' },
  ])("refuses $description", ({ entry, where, message }) => {
    expect(appendFaqEntry(FAQ, entry)).toEqual({ ok: false, problems: [{ where, message }] });
  });
});
