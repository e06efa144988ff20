/**
 * Comment → command lines. A command is `/name` at the start of a line (after optional spaces);
 * quoted lines (`>`), fenced code blocks and HTML comments never hold commands. Decides nothing.
 */
import type { ParsedCommand } from "./command.js";
import { TEXT_COMMANDS, isCommandName } from "./command-names.js";

/**
 * `/name` then a space or the end of the line, so `/usr/bin/env` and `/path.txt` are not commands.
 * At most three spaces before it: four make an indented code block in CommonMark.
 */
const COMMAND_LINE = /^ {0,3}\/([A-Za-z][A-Za-z-]*)(?=[ \t]|$)[ \t]*(.*?)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTED = /^[ \t]*>/;

/**
 * Every command line in a comment, in order, names lower-cased. Unknown names are kept (the
 * registry answers them with help), except inside the text of `/escalate` or `/faq`.
 */
export function parseCommands(body: string | null | undefined): ParsedCommand[] {
  const lines = (body ?? "").replace(/\r\n?/g, "\n").split("\n");
  const found: { index: number; name: string; argText: string }[] = [];
  let fence: string | undefined;
  let inHtmlComment = false;
  lines.forEach((line, index) => {
    if (inHtmlComment) {
      if (line.includes("-->")) inHtmlComment = false;
      return;
    }
    const fenceMatch = FENCE.exec(line);
    // A backtick fence's info string has no backtick: "```make``` fails" is inline code, not a fence.
    if (fenceMatch && !(fenceMatch[1]![0] === "`" && !fence && fenceMatch[2]!.includes("`"))) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker;
      // CommonMark: a closing fence uses the same character, is at least as long, and has no info string.
      else if (marker[0] === fence[0] && marker.length >= fence.length && fenceMatch[2]!.trim() === "") fence = undefined;
      return;
    }
    if (fence || QUOTED.test(line)) return;
    if (opensHtmlComment(line)) {
      inHtmlComment = true;
      return;
    }
    const match = COMMAND_LINE.exec(line);
    if (!match) return;
    const name = match[1]!.toLowerCase();
    const inText = found.length > 0 && (TEXT_COMMANDS as readonly string[]).includes(found.at(-1)!.name);
    if (isCommandName(name) || !inText) found.push({ index, name, argText: match[2]! });
  });

  return found.map((command, i) => {
    const end = found[i + 1]?.index ?? lines.length;
    const below = lines.slice(command.index + 1, end).join("\n");
    return {
      name: command.name,
      line: lines[command.index]!.trim(),
      lineNumber: command.index + 1,
      args: command.argText.split(/\s+/).filter(Boolean),
      argText: command.argText,
      following: below.trim(),
      text: `${command.argText}\n${below}`.trim(),
    };
  });
}

/** True when the line leaves an HTML comment open (`<!--` with no `-->` after it). */
function opensHtmlComment(line: string): boolean {
  const open = line.lastIndexOf("<!--");
  return open >= 0 && !line.slice(open + 4).includes("-->");
}
