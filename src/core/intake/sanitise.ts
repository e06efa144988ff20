/**
 * Makes a reporter's text safe to publish as GitHub markdown: no one is mentioned, no issue is
 * cross-referenced, no raw HTML or image renders, no heading can forge a form section. Fenced and
 * inline code are kept verbatim (GitHub never links inside code). Pure.
 */

export interface SanitiseOptions {
  /** Hosts whose URLs GitHub turns into cross-references (add a GitHub Enterprise host). */
  githubHosts?: readonly string[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** The reporter's text as inert markdown. */
export function sanitiseMarkdown(text: string, options: SanitiseOptions = {}): string {
  const hosts = options.githubHosts ?? ["github.com"];
  const lines = normaliseText(text).split("\n");
  const out: string[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length) out.push(sanitiseProse(prose.join("\n"), hosts));
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    // A backtick fence's info string may not contain backticks (CommonMark), so "```x```" is inline code.
    if (!open || (open[1]!.startsWith("`") && open[2]!.includes("`"))) {
      prose.push(lines[i]!);
      continue;
    }
    flushProse();
    const fence = open[1]!;
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    const block = [lines[i]!];
    let closed = false;
    for (i++; i < lines.length; i++) {
      block.push(lines[i]!);
      if (close.test(lines[i]!)) {
        closed = true;
        break;
      }
    }
    // An unclosed fence would swallow the sections after this one, so close it.
    if (!closed) block.push(fence[0]!.repeat(fence.length));
    out.push(block.join("\n"));
  }
  flushProse();
  return out.join("\n");
}

/** A single line (an issue title, a short answer): control characters and line breaks removed. */
export function sanitiseLine(text: string, maxLength = 200): string {
  const line = normaliseText(text).replace(/\s+/g, " ").trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1).trimEnd()}…` : line;
}

function normaliseText(text: string): string {
  // Keep tabs and line feeds; drop other control characters and bidi overrides that disguise text.
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, "")
    .trim();
}

/** Prose lines (no fences): split into paragraphs, keep inline code spans, neutralise the rest. */
function sanitiseProse(prose: string, hosts: readonly string[]): string {
  return prose
    .split(/(\n[ \t]*\n)/)
    .map((part, i) => (i % 2 === 1 ? part : sanitiseParagraph(part, hosts)))
    .join("");
}

function sanitiseParagraph(paragraph: string, hosts: readonly string[]): string {
  // SPEC §3: the body is `### Label` sections; a reporter's heading must not start a new one.
  const text = paragraph.replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/gm, "$1\\$2");
  let out = "";
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      plain += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch !== "`") {
      plain += ch;
      i++;
      continue;
    }
    let run = 1;
    while (text[i + run] === "`") run++;
    const end = findClosingRun(text, i + run, run);
    if (end === -1) {
      plain += "`".repeat(run); // a lone run is literal text: escaped below
      i += run;
      continue;
    }
    out += neutralise(plain, hosts) + text.slice(i, end + run);
    plain = "";
    i = end + run;
  }
  return out + neutralise(plain, hosts);
}

function findClosingRun(text: string, from: number, run: number): number {
  for (let j = from; j < text.length; j++) {
    // Only single-line code spans are kept: a list item, quote or HTML block on the next line ends
    // the paragraph first in CommonMark, and its text would render (mentions included).
    if (text[j] === "\n") return -1;
    if (text[j] !== "`") continue;
    let n = 1;
    while (text[j + n] === "`") n++;
    if (n === run) return j;
    j += n - 1;
  }
  return -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Text outside code. One left-to-right pass so that escapes are read as markdown reads them:
 * `\@bob` still renders "@bob", so it is wrapped as code like a bare mention.
 */
function neutralise(text: string, hosts: readonly string[]): string {
  if (!text) return text;
  const host = hosts.map(escapeRegExp).join("|");
  const token = new RegExp(
    [
      `(?<ghurl>(?:https?:\\/\\/(?:www\\.)?|www\\.)(?:${host})(?![\\w.-])[^\\s<>\`]*)`,
      "(?<url>https?:\\/\\/[^\\s<>`]+)",
      "(?<xref>\\\\?[A-Za-z0-9_.-]+\\/[A-Za-z0-9_.-]+#\\d+)",
      "(?<gh>\\\\?\\bGH-\\d+)",
      "(?<ref>\\\\?#\\d+)",
      "(?<mention>\\\\?@[A-Za-z0-9](?:[A-Za-z0-9-]*)(?:\\/[A-Za-z0-9_.-]+)?)",
      "(?<escape>\\\\[!-\\/:-@[-`{-~])",
      "(?<image>!\\[)",
      "(?<special>[`&<])",
    ].join("|"),
    "gi",
  );
  return text.replace(token, (match, ...args) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const offset = args[args.length - 3] as number;
    const before = offset > 0 ? text[offset - 1]! : "";
    const bare = match.startsWith("\\") ? match.slice(1) : match;
    if (groups.ghurl) return `\`${match}\``;
    if (groups.url) return match;
    if (groups.xref || groups.gh || groups.ref || groups.mention) {
      // GitHub links these only after a non-word character; "me@example.com" is an address.
      if (/[A-Za-z0-9_]/.test(before)) return groups.mention ? match : match.replace(/[&<`]/g, escapeSpecial);
      return `\`${bare}\``;
    }
    if (groups.escape) return match;
    if (groups.image) return "!\\[";
    return escapeSpecial(match);
  });
}

function escapeSpecial(ch: string): string {
  return ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "\\`";
}
