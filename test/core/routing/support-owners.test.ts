import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultConfig, listComponents } from "../../../src/core/config/index.js";
import {
  type Owner,
  type OwnerRule,
  SUPPORT_OWNERS_PATH,
  defaultSupportOwners,
  formatOwner,
  ownersOf,
  parseSupportOwners,
  renderSupportOwners,
  unknownComponentPatterns,
} from "../../../src/core/routing/support-owners.js";

const team = (slug: string, org = "duet"): Owner => ({ kind: "team", org, slug });
const user = (login: string): Owner => ({ kind: "user", login });

function rulesOf(text: string): OwnerRule[] {
  const parsed = parseSupportOwners(text);
  if (!parsed.ok) throw new Error(`expected a valid file, got ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

describe("parseSupportOwners: reading rules", () => {
  it.each([
    ["one team", "message-broker @duet/duet-atc", [{ pattern: "message-broker", owners: [team("duet-atc")], line: 1 }]],
    ["a user", "glayer @jdoe", [{ pattern: "glayer", owners: [user("jdoe")], line: 1 }]],
    [
      "several owners, tabs and extra spaces",
      "data-catalogue\t@duet/duet-atc   @duet/duet-imec  @jdoe",
      [{ pattern: "data-catalogue", owners: [team("duet-atc"), team("duet-imec"), user("jdoe")], line: 1 }],
    ],
    [
      "full-line comments and blank lines are skipped but keep line numbers",
      "# owners\n\n   # indented comment\nglayer @duet/duet-p4all\n",
      [{ pattern: "glayer", owners: [team("duet-p4all")], line: 4 }],
    ],
    [
      "a trailing comment is not an owner",
      "cesiumjs @duet/duet-vcs # VCS hosts the map",
      [{ pattern: "cesiumjs", owners: [team("duet-vcs")], line: 1 }],
    ],
    ["a comment glued to an owner", "cesiumjs @duet/duet-vcs#hosting", [{ pattern: "cesiumjs", owners: [team("duet-vcs")], line: 1 }]],
    ["a pattern with no owners", "openlayers", [{ pattern: "openlayers", owners: [], line: 1 }]],
    ["globs", "noise-modeller-* @duet/noise\n?layer @jdoe", [
      { pattern: "noise-modeller-*", owners: [team("noise")], line: 1 },
      { pattern: "?layer", owners: [user("jdoe")], line: 2 },
    ]],
    ["Windows line endings", "glayer @a\r\ncesiumjs @b\r\n", [
      { pattern: "glayer", owners: [user("a")], line: 1 },
      { pattern: "cesiumjs", owners: [user("b")], line: 2 },
    ]],
    ["an empty file", "", []],
    ["only comments", "# nothing yet\n", []],
  ])("%s", (_description, text, expected) => {
    expect(parseSupportOwners(text)).toEqual({ ok: true, value: expected });
  });
});

describe("parseSupportOwners: problems name the file and line", () => {
  it.each([
    ["an owner without @", "glayer duet/duet-p4all", ":1", "not an owner"],
    ["an e-mail address", "glayer\n\nglayer ops@example.com", ":3", "e-mail"],
    ["a team with no slug", "glayer @duet/", ":1", "not a team"],
    ["a team with no organisation", "glayer @/duet-p4all", ":1", "not a team"],
    ["a team path with two slashes", "glayer @duet/p4all/ops", ":1", "not a team"],
    ["a user name with a bad character", "glayer @j.doe", ":1", "not a GitHub user name"],
    ["a user name over 39 characters", `glayer @${"a".repeat(40)}`, ":1", "not a GitHub user name"],
    ["a line starting with an owner", "# c\n@duet/duet-atc message-broker", ":2", "is an owner"],
    ["a path-like pattern", "src/** @duet/duet-atc", ":1", "not a component id or pattern"],
    ["an upper-case pattern", "GLayer @duet/duet-p4all", ":1", "not a component id or pattern"],
    ["a negation", "!glayer @duet/duet-p4all", ":1", "negation"],
    ["a character class", "glaye[rs] @duet/duet-p4all", ":1", "not a component id or pattern"],
  ])("%s", (_description, text, line, message) => {
    const parsed = parseSupportOwners(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.where).toBe(`${SUPPORT_OWNERS_PATH}${line}`);
    expect(parsed.problems[0]!.message).toContain(message);
  });

  it("reports every bad line, with the file name it was given", () => {
    const parsed = parseSupportOwners("glayer @ok\ncesiumjs nobody\nopenlayers a@b.c\n", "org/.github/SUPPORT_OWNERS");
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.where)).toEqual(["org/.github/SUPPORT_OWNERS:2", "org/.github/SUPPORT_OWNERS:3"]);
  });
});

describe("ownersOf: the last matching line wins", () => {
  const file = [
    "*                      @duet/duet-atc        # everything to the desk first",
    "noise-modeller-*       @duet/duet-tno",
    "noise-modeller-pilsen  @duet/duet-p4all",
    "?layer                 @glayer-lead",
    "traffic-modeller-*     @duet/duet-p4all",
    "traffic-modeller-flanders",
  ].join("\n");
  const rules = rulesOf(file);

  it.each([
    ["only the catch-all matches", "message-broker", [team("duet-atc")]],
    ["a glob overrides the catch-all", "noise-modeller-athens-flanders", [team("duet-tno")]],
    ["a later exact id overrides an earlier glob", "noise-modeller-pilsen", [team("duet-p4all")]],
    ["? matches exactly one character", "glayer", [user("glayer-lead")]],
    ["a later line with no owners un-assigns", "traffic-modeller-flanders", []],
    ["an earlier glob still applies to the rest of its ids", "traffic-modeller-athens-pilsen", [team("duet-p4all")]],
  ])("%s (%s)", (_description, componentId, expected) => {
    expect(ownersOf(rules, componentId)).toEqual(expected);
  });

  it.each([
    ["no rule matches", "glayer @a", "cesiumjs"],
    ["? does not match zero characters", "?glayer @a", "glayer"],
    ["? does not match two characters", "?layer @a", "gglayer"],
    ["a pattern matches the whole id, not a part", "layer @a", "glayer"],
    ["a dot in an id is not a wildcard", "vc-map-api @a", "vc-map-apix"],
    ["no rules at all", "", "glayer"],
  ])("%s gives no owners", (_description, text, componentId) => {
    expect(ownersOf(rulesOf(text), componentId)).toEqual([]);
  });
});

describe("defaultSupportOwners: the plan's component table", () => {
  const config = defaultConfig();
  const rules = defaultSupportOwners(config, "duet");

  it.each([
    ["message-broker", ["duet-atc"]],
    ["subscription-api-service", ["duet-atc"]],
    ["management-component", ["duet-atc"]],
    ["api-gateway", ["duet-atc"]],
    ["message-streaming-platform-kafka", ["duet-atc"]],
    ["athens-dashboard", ["duet-atc"]],
    ["landing-pages", ["duet-atc"]],
    ["data-catalogue", ["duet-atc", "duet-imec"]],
    ["model-catalogue", ["duet-atc", "duet-imec"]],
    ["data-iot-connectors", ["duet-imec"]],
    ["interaction-api-service", ["duet-imec"]],
    ["cesiumjs", ["duet-vcs"]],
    ["vc-map-api", ["duet-vcs"]],
    ["openlayers", ["duet-vcs"]],
    ["vc-map-viewing-plugin", ["duet-vcs"]],
    ["traffic-modeller-athens-pilsen", ["duet-p4all"]],
    ["noise-modeller-pilsen", ["duet-p4all"]],
    ["glayer", ["duet-p4all"]],
    ["traffic-modeller-flanders", ["duet-kul"]],
    ["noise-modeller-athens-flanders", ["duet-tno"]],
    ["air-quality-pm-athens-flanders-pilsen", ["duet-tno"]],
    ["air-quality-no2-flanders", ["duet-dv"]],
  ])("%s goes to %j", (componentId, slugs) => {
    expect(ownersOf(rules, componentId)).toEqual(slugs.map((slug) => team(slug)));
  });

  it("has one rule per component, in config order, in the repository's organisation", () => {
    expect(rules.map((rule) => rule.pattern)).toEqual(listComponents(config).map((c) => c.id));
    expect(rules).toHaveLength(22);
    expect(new Set(defaultSupportOwners(config, "acme").flatMap((r) => r.owners.map(formatOwner).map((o) => o.split("/")[0])))).toEqual(
      new Set(["@acme"]),
    );
  });

  it("follows a partner's team when the configuration changes it", () => {
    const changed = { ...config, partners: { ...config.partners, TNO: { ...config.partners.TNO!, team: "tno-support" } } };
    expect(ownersOf(defaultSupportOwners(changed, "duet"), "noise-modeller-athens-flanders")).toEqual([team("tno-support")]);
  });
});

describe("renderSupportOwners", () => {
  it("writes text that parses back to the same rules", () => {
    const rules = rulesOf("* @duet/desk\nglayer @duet/duet-p4all @jdoe\nopenlayers\n");
    expect(rulesOf(renderSupportOwners(rules))).toEqual(rules);
  });

  it("writes header lines as comments that the parser skips", () => {
    const rules = defaultSupportOwners(defaultConfig(), "duet");
    const text = renderSupportOwners(rules, ["Owners", ""]);
    expect(text.split("\n").slice(0, 3)).toEqual(["# Owners", "#", expect.stringMatching(/^message-broker +@duet\/duet-atc$/)]);
    expect(rulesOf(text).map(({ pattern, owners }) => ({ pattern, owners }))).toEqual(rules.map(({ pattern, owners }) => ({ pattern, owners })));
  });

  it("is what this repository's example file holds (it matches the built-in default)", () => {
    const example = rulesOf(readFileSync(new URL("../../../.github/SUPPORT_OWNERS", import.meta.url), "utf8"));
    const builtIn = defaultSupportOwners(defaultConfig(), "duet");
    expect(example.map(({ pattern, owners }) => ({ pattern, owners }))).toEqual(builtIn.map(({ pattern, owners }) => ({ pattern, owners })));
  });
});

describe("unknownComponentPatterns: a rule matching no component is likely a typo", () => {
  const ids = listComponents(defaultConfig()).map((c) => c.id);

  it.each([
    ["a misspelt id", "glayer @a\ngleyer @b", [2]],
    ["a glob that matches nothing", "noise-model-* @a", [1]],
    ["globs and ids that match", "* @a\nnoise-modeller-* @b\nvc-map-??? @c\nopenlayers", []],
    ["several typos, each with its line", "# c\ncesium @a\n\nopen-layers @b", [2, 4]],
  ])("%s", (_description, text, lines) => {
    const problems = unknownComponentPatterns(rulesOf(text), ids);
    expect(problems.map((p) => p.where)).toEqual(lines.map((line) => `${SUPPORT_OWNERS_PATH}:${line}`));
    for (const problem of problems) expect(problem.message).toContain("matches no component");
  });
});
