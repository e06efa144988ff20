/**
 * The commands' help as Markdown: the `/help` reply and docs/commands.md, both written from the
 * help in each command's file so that the two never disagree.
 */
import { WHO_CAN_USE, type CommandHelp } from "./command.js";

/** The reply to `/help` and to an unknown command. */
export function renderHelp(help: readonly CommandHelp[]): string {
  return [
    "Commands go at the start of a line in an issue comment, several per comment if you like:",
    "",
    "| Command | What it does |",
    "| --- | --- |",
    ...help.map((h) => `| \`${cell(h.usage)}\` | ${cell(h.description)} |`),
    "",
    `Who may use them: ${WHO_CAN_USE}`,
  ].join("\n");
}

/** docs/commands.md (kept in step by test/core/commands/commands-doc.test.ts; `npx vitest run -u` rewrites it). */
export function renderCommandsDoc(help: readonly CommandHelp[]): string {
  return [
    "# Commands",
    "",
    "<!-- Generated from the help in src/core/commands/ by renderCommandsDoc(); edit the help there, then run `npx vitest run test/core/commands/commands-doc.test.ts -u`. -->",
    "",
    "Partners and the support desk work tickets from issue comments. A command is `/name` at the start of a",
    "line (spaces before it are fine). A comment may hold several commands; they run in order, one after the",
    "other, and each gets its own answer in the app's single reply. A command that cannot run (a wrong",
    "argument, an incomplete incident record) changes nothing and says why.",
    "",
    "- A line quoted with `>` and anything inside a fenced code block or an HTML comment is never run,",
    "  so quoting someone's command is safe.",
    "- A `/word` at the start of a line that is not a command is answered with this list; paths such as",
    "  `/usr/bin/env` are not commands.",
    "- Editing a comment does not run its commands again.",
    "",
    `**Who may use them:** ${WHO_CAN_USE}`,
    "",
    "| Command | What it does |",
    "| --- | --- |",
    ...help.map((h) => `| [\`${cell(h.usage)}\`](#${h.name}) | ${cell(firstSentence(h.description))} |`),
    ...help.flatMap((h) => [
      "",
      `## \`/${h.name}\``,
      "",
      `**Usage:** \`${h.usage}\``,
      "",
      h.description,
      "",
      `**Who can use it:** ${h.whoCanUse}`,
      "",
      h.examples.length > 1 ? "**Examples:**" : "**Example:**",
      ...h.examples.flatMap((example) => ["", "```", example, "```"]),
    ]),
    "",
  ].join("\n");
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}

/** A table cell: GitHub splits cells on `|` even inside code spans unless it is escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
