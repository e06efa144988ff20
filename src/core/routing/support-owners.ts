/**
 * `.github/SUPPORT_OWNERS`: CODEOWNERS syntax over component ids (SPEC §3). Decides which teams or
 * people own a component; never reads the file itself and never decides what the app does with it.
 */
import type { Config } from "../config/schema.js";
import { listComponents, partnerOf } from "../config/model.js";
import { type Problem, type Result, fail, ok } from "../result.js";

export const SUPPORT_OWNERS_PATH = ".github/SUPPORT_OWNERS";

export type Owner = { kind: "team"; org: string; slug: string } | { kind: "user"; login: string };

export interface OwnerRule {
  /** A component id, or a glob over ids with `*` (any run of characters) and `?` (one character). */
  pattern: string;
  /** Empty when the rule un-assigns what earlier rules gave (as in CODEOWNERS). */
  owners: Owner[];
  /** 1-based line in the file; for built-in rules, the line they take in `renderSupportOwners`. */
  line: number;
}

// GitHub logins and organisations: letters, digits and single inner dashes, at most 39 characters.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
// Team slugs as GitHub writes them (the config schema accepts the same).
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
// Component ids are kebab-case, so a pattern is one with `*` and `?` allowed in it.
const PATTERN = /^[a-z0-9*?-]+$/;

/**
 * Parses the file's text into rules in file order. Every problem names `file:LINE`; one bad line
 * fails the whole file, so the app never routes on half a file.
 */
export function parseSupportOwners(text: string, file = SUPPORT_OWNERS_PATH): Result<OwnerRule[]> {
  const rules: OwnerRule[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const where = `${file}:${line}`;
    // GitHub's CODEOWNERS allows trailing comments; ids and owners never contain '#'.
    const content = raw.replace(/#.*$/, "").trim();
    if (!content) return;
    const [pattern = "", ...tokens] = content.split(/\s+/);
    const patternProblem = checkPattern(pattern);
    // A bad pattern usually means the line is shaped wrong, so its owners are not judged.
    if (patternProblem) {
      problems.push({ where, message: patternProblem });
      return;
    }
    const owners: Owner[] = [];
    for (const token of tokens) {
      const owner = parseOwner(token);
      if (typeof owner === "string") problems.push({ where, message: owner });
      else owners.push(owner);
    }
    rules.push({ pattern, owners, line });
  });
  return problems.length ? fail(...problems) : ok(rules);
}

function checkPattern(pattern: string): string | undefined {
  if (pattern.startsWith("@")) return `"${pattern}" is an owner, but a line starts with a component id or pattern`;
  if (pattern.startsWith("!")) return `"${pattern}": negation (!) is not supported (as in CODEOWNERS); a later line with no owners un-assigns`;
  if (!PATTERN.test(pattern)) {
    return `"${pattern}" is not a component id or pattern (lower-case letters, digits, dashes, * and ? only)`;
  }
  return undefined;
}

/** An owner token, or the message saying why it is not one. */
function parseOwner(token: string): Owner | string {
  if (token.includes("@") && !token.startsWith("@")) {
    return `"${token}" looks like an e-mail address; owners are @org/team or @user (the app assigns GitHub accounts)`;
  }
  if (!token.startsWith("@")) return `"${token}" is not an owner: write @org/team or @user`;
  const name = token.slice(1);
  if (name.includes("/")) {
    const [org = "", slug = "", ...rest] = name.split("/");
    if (rest.length || !LOGIN.test(org) || !TEAM_SLUG.test(slug)) {
      return `"${token}" is not a team: write @org/team-slug, e.g. @duet/duet-tno`;
    }
    return { kind: "team", org, slug };
  }
  if (!LOGIN.test(name)) return `"${token}" is not a GitHub user name: write @login or @org/team`;
  return { kind: "user", login: name };
}

/** The owners of a component: those of the last rule that matches it; [] when none does. */
export function ownersOf(rules: OwnerRule[], componentId: string): Owner[] {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (matchesPattern(rule.pattern, componentId)) return rule.owners;
  }
  return [];
}

/** Whole-id glob match: `*` is any run of characters (also none), `?` exactly one. */
export function matchesPattern(pattern: string, componentId: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === componentId;
  let regex = compiled.get(pattern);
  if (!regex) {
    const source = [...pattern]
      .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("");
    regex = new RegExp(`^${source}$`);
    compiled.set(pattern, regex);
  }
  return regex.test(componentId);
}

// A sweep asks for the owners of thousands of tickets: compile each glob once.
const compiled = new Map<string, RegExp>();

/**
 * The built-in rules (SPEC §3): each component, in config order, to the teams of its owner
 * partners in `org` (the repository's organisation).
 */
export function defaultSupportOwners(config: Pick<Config, "components" | "partners">, org: string): OwnerRule[] {
  return listComponents(config).map((component, index) => ({
    pattern: component.id,
    owners: component.owners.map((id): Owner => ({ kind: "team", org, slug: partnerOf(config, id).team })),
    line: index + 1,
  }));
}

/** How an owner is written in the file and mentioned on GitHub. */
export function formatOwner(owner: Owner): string {
  return owner.kind === "team" ? `@${owner.org}/${owner.slug}` : `@${owner.login}`;
}

/**
 * The rules as file text, one a line with the owners aligned. `header` lines are written first as
 * `#` comments (they shift line numbers; parse the result again for the lines of a file).
 */
export function renderSupportOwners(rules: OwnerRule[], header: string[] = []): string {
  const width = Math.max(0, ...rules.map((rule) => rule.pattern.length));
  const comments = header.map((text) => (text ? `# ${text}` : "#"));
  const lines = rules.map((rule) =>
    rule.owners.length ? `${rule.pattern.padEnd(width)} ${rule.owners.map(formatOwner).join(" ")}` : rule.pattern,
  );
  return [...comments, ...lines].map((line) => `${line}\n`).join("");
}

/** Rules that match no configured component: most likely a misspelt id, so say where. */
export function unknownComponentPatterns(rules: OwnerRule[], componentIds: readonly string[], file = SUPPORT_OWNERS_PATH): Problem[] {
  return rules
    .filter((rule) => !componentIds.some((id) => matchesPattern(rule.pattern, id)))
    .map((rule) => ({
      where: `${file}:${rule.line}`,
      message: `"${rule.pattern}" matches no component (check its spelling against the component ids in the configuration)`,
    }));
}
