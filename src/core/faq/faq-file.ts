/**
 * The FAQ file the desk keeps (`docs/faq.md` by default): each `## Question` heading starts an entry,
 * its answer runs to the next `## ` heading. Parsing reports problems by line; it never throws.
 */
import { type Problem, type Result, fail, ok } from "../result.js";

export interface FaqEntry {
  /** The heading text, e.g. "How do I reset my password?". */
  question: string;
  /** The markdown below the heading, trimmed. */
  answer: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** GitHub's anchor for the heading, e.g. "how-do-i-reset-my-password", for links to the entry. */
  anchor: string;
}

export interface NewFaqEntry {
  question: string;
  answer: string;
}

interface Heading {
  question: string;
  line: number;
  /** Index (0-based) of the heading's line. */
  index: number;
}

export const DEFAULT_FAQ_TITLE = "# Frequently asked questions";

/** Every entry of a FAQ file; problems (with `path:line`) for an empty question or answer and for duplicates. */
export function parseFaq(markdown: string, path: string): Result<FaqEntry[]> {
  const lines = splitLines(markdown);
  const headings = findQuestionHeadings(lines);
  const problems: Problem[] = [];
  const entries: FaqEntry[] = [];
  const firstByAnchor = new Map<string, Heading>();
  headings.forEach((heading, i) => {
    const where = `${path}:${heading.line}`;
    if (heading.question === "") {
      problems.push({ where, message: "a `## ` heading with no question" });
      return;
    }
    const end = headings[i + 1]?.index ?? lines.length;
    const answer = lines.slice(heading.index + 1, end).join("\n").trim();
    if (answer === "") problems.push({ where, message: `"${heading.question}" has no answer: write it below the heading, before the next "## "` });
    const anchor = faqAnchor(heading.question);
    const first = firstByAnchor.get(anchor);
    if (first) problems.push({ where, message: `"${heading.question}" repeats the question at line ${first.line}` });
    else firstByAnchor.set(anchor, heading);
    entries.push({ question: heading.question, answer, line: heading.line, anchor });
  });
  return problems.length ? fail(...problems) : ok(entries);
}

/** An entry as it is written in the file: the question on one line, `## ` headings in the answer demoted. */
export function renderFaqEntry(question: string, answer: string): string {
  return `## ${oneLine(question)}\n\n${demoteHeadings(answer).trim()}\n`;
}

/**
 * The FAQ with `entry` appended (for the `/faq` pull request). Fails, naming the line, when the
 * question is already there or when the question or the answer is empty; the rest of the file is kept as is.
 */
export function appendFaqEntry(markdown: string, entry: NewFaqEntry, path = "docs/faq.md"): Result<string> {
  const question = oneLine(entry.question);
  if (question === "") return fail({ where: "question", message: "the FAQ entry needs a question (the issue title is empty)" });
  if (entry.answer.trim() === "") return fail({ where: "answer", message: `"${question}" needs an answer` });
  const anchor = faqAnchor(question);
  const existing = findQuestionHeadings(splitLines(markdown)).find((h) => faqAnchor(h.question) === anchor);
  if (existing) return fail({ where: `${path}:${existing.line}`, message: `the FAQ already asks "${existing.question}"` });
  const before = markdown.replace(/\r\n?/g, "\n").trimEnd();
  return ok(`${before === "" ? DEFAULT_FAQ_TITLE : before}\n\n${renderFaqEntry(question, entry.answer)}`);
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
export function faqAnchor(question: string): string {
  return question
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function splitLines(markdown: string): string[] {
  return markdown.replace(/\r\n?/g, "\n").split("\n");
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUESTION = /^ {0,3}##(?:[ \t]+(.*?))?[ \t]*$/;

/** `## ` headings outside fenced code blocks, with any closing `#`s removed. */
function findQuestionHeadings(lines: string[]): Heading[] {
  const code = codeLines(lines);
  const headings: Heading[] = [];
  lines.forEach((text, index) => {
    const match = code[index] ? null : QUESTION.exec(text);
    if (match) headings.push({ question: (match[1] ?? "").replace(/(^|[ \t]+)#+$/, "").trim(), line: index + 1, index });
  });
  return headings;
}

/** Whether each line is a fence or inside a fenced code block, where a `## ` is code, not a heading. */
function codeLines(lines: string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((text) => {
    const marker = FENCE.exec(text)?.[1];
    if (marker === undefined) return fence !== undefined;
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    return true;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").replace(/^#+\s*/, "").trim();
}

/** `#` and `## ` headings in an answer would end the entry, so they become `### ` (code blocks untouched). */
function demoteHeadings(answer: string): string {
  const lines = splitLines(answer);
  const code = codeLines(lines);
  return lines.map((text, i) => (code[i] ? text : text.replace(/^ {0,3}#{1,2}(?=[ \t]|$)/, "###"))).join("\n");
}
