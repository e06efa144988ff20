import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { IMPACTS, defaultConfig, listComponents } from "../src/core/config/index.js";
import { FORM_FIELDS, FORM_FIELD_ORDER, type FormField, REQUEST_TYPES, REQUIRED_FIELDS, WHERE_OPTIONS } from "../src/core/intake/form-fields.js";

// The form is data GitHub renders: these tests keep it in step with what the app parses and routes.
type Element = { type: string; id?: string; attributes: Record<string, unknown>; validations?: Record<string, unknown> };
type Form = { name: string; description: string; title?: string; labels?: unknown; body: Element[] } & Record<string, unknown>;

const readYaml = (path: string) => load(readFileSync(new URL(`../.github/ISSUE_TEMPLATE/${path}`, import.meta.url), "utf8"));
const form = readYaml("support-request.yml") as Form;
const fields = form.body.filter((element) => element.type !== "markdown");
const fieldOf = (field: FormField) => fields.find((element) => element.attributes.label === FORM_FIELDS[field]);

// GitHub's form schema (docs: "Syntax for GitHub's form schema"): what each element type accepts.
const ATTRIBUTES: Record<string, string[]> = {
  markdown: ["value"],
  textarea: ["label", "description", "placeholder", "value", "render"],
  input: ["label", "description", "placeholder", "value"],
  dropdown: ["label", "description", "multiple", "options", "default"],
  checkboxes: ["label", "description", "options"],
};
const TOP_LEVEL = ["name", "description", "title", "labels", "assignees", "projects", "type", "body"];

describe("the support-request issue form follows GitHub's form schema", () => {
  it("has a name, a description, the [Support] title prefix, and no labels (the app labels)", () => {
    expect(form.name).toBe("Support request");
    expect(form.description).toEqual(expect.any(String));
    expect(form.title).toBe("[Support] ");
    expect(form.labels).toBeUndefined();
    expect(Object.keys(form).filter((key) => !TOP_LEVEL.includes(key))).toEqual([]);
  });

  it.each(form.body.map((element, index) => [index, element.type, element] as const))("element %i (%s) has only keys GitHub accepts", (_index, type, element) => {
    expect(Object.keys(ATTRIBUTES)).toContain(type);
    expect(Object.keys(element).filter((key) => !["type", "id", "attributes", "validations"].includes(key))).toEqual([]);
    expect(Object.keys(element.attributes).filter((key) => !ATTRIBUTES[type]!.includes(key))).toEqual([]);
    if (type === "markdown") {
      expect(element.id).toBeUndefined();
      expect(element.validations).toBeUndefined();
      expect(element.attributes.value).toEqual(expect.any(String));
      return;
    }
    expect(element.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(element.attributes.label).toEqual(expect.any(String));
    if (element.validations) expect(Object.keys(element.validations)).toEqual(["required"]);
    if (type === "dropdown") {
      const options = element.attributes.options as unknown[];
      expect(options.length).toBeGreaterThan(0);
      expect(options.every((option) => typeof option === "string" && option.trim() !== "")).toBe(true);
      expect(new Set(options).size).toBe(options.length);
    }
  });

  it("uses unique ids and labels", () => {
    expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
    expect(new Set(fields.map((f) => f.attributes.label)).size).toBe(fields.length);
  });
});

describe("the form matches what the app parses (FORM_FIELDS)", () => {
  it("asks for the SPEC's fields, labelled exactly, in order", () => {
    expect(fields.map((element) => element.attributes.label)).toEqual(FORM_FIELD_ORDER.map((field) => FORM_FIELDS[field]));
  });

  it.each([
    ["component", "dropdown"],
    ["impact", "dropdown"],
    ["requestType", "dropdown"],
    ["whatHappened", "textarea"],
    ["whenHappened", "input"],
    ["steps", "textarea"],
    ["where", "dropdown"],
  ] as const)("%s is a %s whose id is its field name", (field, type) => {
    expect(fieldOf(field)).toMatchObject({ type, id: field });
  });

  it.each(FORM_FIELD_ORDER.map((field) => [field, REQUIRED_FIELDS.includes(field)] as const))("%s required: %s", (field, required) => {
    expect(fieldOf(field)?.validations?.required === true).toBe(required);
  });

  it("offers every component of the default configuration by name, in config order", () => {
    expect(fieldOf("component")?.attributes.options).toEqual(listComponents(defaultConfig()).map((component) => component.name));
  });

  it("offers impacts as bare values, each shown with its definition from the configuration", () => {
    const impact = fieldOf("impact")!;
    expect(impact.attributes.options).toEqual([...IMPACTS]);
    const impacts = defaultConfig().impacts;
    for (const value of IMPACTS) expect(impact.attributes.description).toContain(`**${value}**: ${impacts[value].description}`);
  });

  it.each([
    ["requestType", [...REQUEST_TYPES]],
    ["where", [...WHERE_OPTIONS]],
  ] as const)("offers the %s options the app reads", (field, options) => {
    expect(fieldOf(field)?.attributes.options).toEqual(options);
  });
});

describe("the template chooser (config.yml)", () => {
  const config = readYaml("config.yml") as { blank_issues_enabled: unknown; contact_links: { name: string; url: string; about: string }[] };

  it("allows blank issues, because the app validates every body itself", () => {
    expect(config.blank_issues_enabled).toBe(true);
  });

  it("links to the web feedback form for reporters without a GitHub account", () => {
    expect(config.contact_links).toEqual([{ name: expect.stringContaining("Web feedback form"), url: expect.stringMatching(/^https:\/\//), about: expect.any(String) }]);
  });
});
