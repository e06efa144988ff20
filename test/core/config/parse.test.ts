import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, defaultConfig, listComponents, parseConfig } from "../../../src/core/config/index.js";

describe("the plan's defaults", () => {
  const config = defaultConfig();

  it("has the 22 components of the seed's table, with kebab-case ids that fit a label", () => {
    const components = listComponents(config);
    expect(components).toHaveLength(22);
    for (const c of components) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(`component: ${c.id}`.length).toBeLessThanOrEqual(50);
    }
  });

  it.each([
    ["message-broker", ["ATC"]],
    ["landing-pages", ["ATC"]],
    ["data-catalogue", ["ATC", "IMEC"]],
    ["model-catalogue", ["ATC", "IMEC"]],
    ["interaction-api-service", ["IMEC"]],
    ["vc-map-viewing-plugin", ["VCS"]],
    ["glayer", ["P4ALL"]],
    ["traffic-modeller-flanders", ["KUL"]],
    ["air-quality-pm-athens-flanders-pilsen", ["TNO"]],
    ["air-quality-no2-flanders", ["DV"]],
  ])("%s is owned by %j (a merged owner cell applies to its whole group)", (id, owners) => {
    expect(config.components[id]?.owners).toEqual(owners);
  });

  it.each([
    ["ATC", "Europe/Athens", "GR"],
    ["IMEC", "Europe/Brussels", "BE"],
    ["KUL", "Europe/Brussels", "BE"],
    ["VCS", "Europe/Berlin", "DE"],
    ["P4ALL", "Europe/Prague", "CZ"],
    ["TNO", "Europe/Amsterdam", "NL"],
    ["DV", "Europe/Brussels", "BE"],
  ])("%s works in %s with %s holidays", (id, zone, country) => {
    expect(config.partners[id]?.timeZone).toBe(zone);
    expect(config.partners[id]?.holidays.country).toBe(country);
  });

  it("targets L1 3 h, L2 3 h, L3 2 working days of 8 h; warns at 75 %", () => {
    expect(config.tiers.L1.targetHours).toBe(3);
    expect(config.tiers.L2.targetHours).toBe(3);
    expect(config.tiers.L3.targetHours).toBe(2 * config.workingHours.hoursPerDay);
    expect(config.sla.warnAtRatio).toBe(0.75);
  });

  it("high impact enters L3, low and medium L1", () => {
    expect([config.impacts.low.tier, config.impacts.medium.tier, config.impacts.high.tier]).toEqual(["L1", "L1", "L3"]);
  });

  it("budgets are the plan's: L1 10 days/36 incidents, L2 8 days/12, L3 per partner", () => {
    expect(config.budgets.L1).toEqual({ days: 10, incidents: 36, hoursPerIncident: 2 });
    expect(config.budgets.L2).toEqual({ days: 8, incidents: 12, hoursPerIncident: 4 });
    expect(config.budgets.L3.days).toEqual({ ATC: 6, IMEC: 10, VCS: 4, P4ALL: 4, KUL: 3, TNO: 6 });
  });

  it("has no support window end, so a fresh install works", () => {
    expect(config.supportWindow).toEqual({});
  });
});

describe("parseConfig", () => {
  it.each([
    { description: "no file gives the defaults", raw: null, check: (c: any) => expect(c.desk).toBe("ATC") },
    { description: "an empty file gives the defaults", raw: {}, check: (c: any) => expect(Object.keys(c.components)).toHaveLength(22) },
    {
      description: "a partner's time zone is overridden, the rest of the partner kept",
      raw: { partners: { TNO: { timeZone: "Europe/Brussels" } } },
      check: (c: any) => expect(c.partners.TNO).toMatchObject({ timeZone: "Europe/Brussels", team: "duet-tno", holidays: { country: "NL" } }),
    },
    {
      description: "a component is added beside the defaults",
      raw: { components: { "digital-twin-viewer": { name: "Digital twin viewer", owners: ["VCS"] } } },
      check: (c: any) => expect(Object.keys(c.components)).toHaveLength(23),
    },
    {
      description: "null removes a default component",
      raw: { components: { glayer: null } },
      check: (c: any) => expect(c.components.glayer).toBeUndefined(),
    },
    {
      description: "`_extends` is Probot's, not an unknown key",
      raw: { _extends: ".github", tiers: { L3: { targetHours: 24 } } },
      check: (c: any) => expect(c.tiers.L3).toEqual({ name: "Tier III", team: "owners", targetHours: 24 }),
    },
    {
      description: "arrays replace (the excluded request types)",
      raw: { scope: { excludedRequestTypes: ["feature request"] } },
      check: (c: any) => expect(c.scope.excludedRequestTypes).toEqual(["feature request"]),
    },
  ])("$description", ({ raw, check }) => {
    const result = parseConfig(raw);
    expect(result.ok).toBe(true);
    if (result.ok) check(result.value);
  });

  it.each([
    { description: "a misspelt top-level key", raw: { partnerz: {} }, where: ".github/duet-support.yml: partnerz", message: 'unknown key "partnerz"' },
    { description: "a misspelt nested key", raw: { sla: { warnAt: 0.5 } }, where: ".github/duet-support.yml: sla.warnAt", message: 'unknown key "warnAt" under sla' },
    { description: "a ratio out of range", raw: { sla: { warnAtRatio: 1.5 } }, where: ".github/duet-support.yml: sla.warnAtRatio", message: "" },
    { description: "an unknown owner", raw: { components: { glayer: { owners: ["INNO"] } } }, where: ".github/duet-support.yml: components.glayer.owners.0", message: 'unknown partner "INNO"' },
    { description: "a time zone that does not exist", raw: { partners: { KUL: { timeZone: "Europe/Leuven" } } }, where: ".github/duet-support.yml: partners.KUL.timeZone", message: "unknown time zone" },
    {
      description: "a component id too long for a label",
      raw: { components: { "a-very-long-component-identifier-that-overflows": { name: "x", owners: ["ATC"] } } },
      where: ".github/duet-support.yml: components.a-very-long-component-identifier-that-overflows",
      message: "at most 39 characters",
    },
    { description: "a component id that is not kebab-case", raw: { components: { Map_Viewer: { name: "x", owners: ["ATC"] } } }, where: ".github/duet-support.yml: components.Map_Viewer", message: "kebab-case" },
    { description: "a desk that is not a partner", raw: { desk: "ZZZ" }, where: ".github/duet-support.yml: desk", message: 'unknown partner "ZZZ"' },
    { description: "a window that ends before it starts", raw: { supportWindow: { start: "2026-01-01", end: "2025-01-01" } }, where: ".github/duet-support.yml: supportWindow.end", message: "ends before it starts" },
    { description: "a date in the wrong format", raw: { supportWindow: { end: "31/12/2026" } }, where: ".github/duet-support.yml: supportWindow.end", message: "YYYY-MM-DD" },
    { description: "a file that is a list", raw: ["desk: ATC"], where: ".github/duet-support.yml", message: "expected a mapping" },
  ])("rejects $description, naming the key", ({ raw, where, message }) => {
    const result = parseConfig(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ where, message: expect.stringContaining(message) });
  });

  it("reports every problem at once, not only the first", () => {
    const result = parseConfig({ desk: "XX", partners: { ATC: { timeZone: "Mars/Base" } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.where)).toEqual([".github/duet-support.yml: desk", ".github/duet-support.yml: partners.ATC.timeZone"]);
  });

  it("never changes the built-in defaults", () => {
    const before = JSON.stringify(DEFAULT_CONFIG);
    parseConfig({ partners: { TNO: { timeZone: "Europe/Brussels" } }, components: { glayer: null } });
    expect(JSON.stringify(DEFAULT_CONFIG)).toBe(before);
  });
});
