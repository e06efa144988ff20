import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ConfigSchema, TIERS, defaultConfig, listComponents, parseConfig } from "../src/core/config/index.js";
import { defaultSupportOwners, parseSupportOwners, renderSupportOwners } from "../src/core/routing/support-owners.js";

// The docs promise what the app does: these tests fail when a key, a default or a plan figure
// changes in code without the docs.
const read = (path: string) => readFileSync(new URL(`../docs/${path}`, import.meta.url), "utf8");
const configuration = read("configuration.md");
const supportProcess = read("support-process.md");
const config = defaultConfig();

/** Every key path of the schema: `*` for an entry of a mapping, `[]` for an item of a list. */
function keyPaths(schema: z.ZodType, path = ""): string[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "optional":
    case "default":
    case "nullable":
      return keyPaths(def.innerType as z.ZodType, path);
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
        const keyPath = path ? `${path}.${key}` : key;
        return [keyPath, ...keyPaths(value, keyPath)];
      });
    case "record":
      return keyPaths(def.valueType as z.ZodType, `${path}.*`);
    case "array":
      return keyPaths(def.element as z.ZodType, `${path}[]`);
    default:
      return [];
  }
}

/** Fenced blocks whose first line starts with `firstLine`. */
function blocks(markdown: string, firstLine: string): string[] {
  return [...markdown.matchAll(/^```(?:yaml|text)\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((b) => b.startsWith(firstLine));
}
// Probot reads YAML 1.2 (the `yaml` package): dates stay strings, as with js-yaml's core schema.
const yaml = (text: string) => load(text, { schema: CORE_SCHEMA });

describe("docs/configuration.md", () => {
  const paths = keyPaths(ConfigSchema);

  it("finds the schema's keys (the walk itself works)", () => {
    expect(paths).toEqual(expect.arrayContaining(["desk", "partners.*.holidays.closures[].from", "tiers.L3.targetHours", "board.number"]));
  });

  it.each(paths)("documents `%s`", (path) => {
    expect(configuration).toContain(`\`${path}\``);
  });

  it("shows the built-in defaults exactly as the app has them", () => {
    const [defaults] = blocks(configuration, "# The built-in defaults");
    expect(yaml(defaults!)).toEqual(config);
  });

  it("gives an example .github/duet-support.yml that the app accepts and that does what its comments say", () => {
    const [example] = blocks(configuration, "# .github/duet-support.yml");
    const raw = yaml(example!) as Record<string, unknown>;
    expect(raw._extends).toBe(".github");
    const parsed = parseConfig(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const changed = parsed.value;
    expect(changed.partners.P4ALL).toMatchObject({ timeZone: "Europe/Berlin", team: config.partners.P4ALL!.team });
    expect(changed.partners.ATC!.holidays).toMatchObject({ country: "GR", closures: [{ from: "2026-12-24", to: "2027-01-01" }] });
    expect(changed.components["citizen-feedback-app"]).toEqual({ name: "Citizen feedback app", owners: ["ATC"] });
    expect(changed.components.glayer).toBeUndefined();
    expect(changed.tiers.L1.targetHours).toBe(4);
    expect(changed.tiers.L3).toEqual(config.tiers.L3);
    expect(changed.supportWindow).toEqual({ start: "2022-12-01", end: "2023-11-30" });
    expect(changed.board).toEqual({ owner: "duet", number: 1 });
  });

  it("shows the built-in SUPPORT_OWNERS rules exactly", () => {
    const [rules] = blocks(configuration, "message-broker ");
    expect(rules).toBe(renderSupportOwners(defaultSupportOwners(config, "duet")));
  });

  it("gives a SUPPORT_OWNERS example that parses", () => {
    const [example] = blocks(configuration, "*  ");
    expect(parseSupportOwners(example!)).toMatchObject({ ok: true });
  });
});

describe("docs/support-process.md", () => {
  it.each(listComponents(config).map((c) => [c.id, c] as const))("lists %s with its owners and their teams", (id, component) => {
    const row = supportProcess.split("\n").find((line) => line.includes(`| \`${id}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(`| ${component.name} |`);
    expect(row).toContain(`| ${component.owners.join(", ")} |`);
    for (const owner of component.owners) expect(row).toContain(`\`${config.partners[owner]!.team}\``);
  });

  it.each(Object.entries(config.partners))("gives %s's working calendar", (id, partner) => {
    const row = supportProcess.split("\n").find((line) => line.startsWith(`| ${id} | ${partner.name} |`));
    expect(row).toBeDefined();
    expect(row).toContain(`| \`${partner.team}\` | ${partner.timeZone} |`);
    expect(row).toContain(`(${partner.holidays.country})`);
  });

  it.each(TIERS.map((tier) => [tier, config.tiers[tier].targetHours] as const))("states the %s target of %i working hours", (tier, hours) => {
    const row = supportProcess.split("\n").find((line) => line.startsWith(`| ${tier} | `) && line.includes("working hours"));
    expect(row).toContain(`${hours} working hours`);
  });

  it("states the warning and breach thresholds", () => {
    expect(supportProcess).toContain(`Warning (${config.sla.warnAtRatio * 100} %)`);
    expect(supportProcess).toContain("Breach (100 %)");
  });

  it.each(Object.entries(config.impacts))("defines the %s impact and the tier it enters", (impact, { tier, description }) => {
    expect(supportProcess).toContain(`| \`${impact}\` | ${description} | ${tier} |`);
  });

  it.each(Object.entries(config.budgets.L3.days))("gives %s's L3 budget of %i days", (partner, days) => {
    expect(supportProcess).toMatch(new RegExp(`^\\| L3 \\| ${partner} \\| ${days}\\b`, "m"));
  });

  it("gives the L1 and L2 budgets", () => {
    for (const tier of ["L1", "L2"] as const) {
      const { days, incidents, hoursPerIncident } = config.budgets[tier];
      expect(supportProcess).toContain(`| ${tier} | ${config.desk} | ${days} | ${incidents} incidents, ${hoursPerIncident} h each |`);
    }
  });

  it("names the excluded request types", () => {
    for (const type of config.scope.excludedRequestTypes) expect(supportProcess).toContain(`\`${type}\``);
  });
});
