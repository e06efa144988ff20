/**
 * Reads a repository's `.github/duet-support.yml` (already loaded as data) over the plan's defaults.
 * Never throws for bad input: every problem names the file and the key.
 */
import type { z } from "zod";
import { type Problem, type Result, fail, ok } from "../result.js";
import { validateCalendarSpec } from "../calendar/index.js";
import { partnerCalendarSpec } from "./calendar-spec.js";
import { DEFAULT_CONFIG } from "./defaults.js";
import { type Config, ConfigSchema } from "./schema.js";

export const CONFIG_PATH = ".github/duet-support.yml";
export const COMPONENT_ID_MAX = 39; // "component: " + id must fit GitHub's 50-character label limit
const COMPONENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Keys Probot itself reads from the file; they are not ours to reject. */
const PROBOT_KEYS = new Set(["_extends"]);
/** Maps whose entries merge by key over the defaults (null removes an entry). */
const KEYED_MAPS = new Set(["partners", "components", "budgets.L3.days"]);

/** The defaults alone, validated (they are data too, and a test keeps them valid). */
export function defaultConfig(): Config {
  return ConfigSchema.parse(structuredClone(DEFAULT_CONFIG));
}

/**
 * Merges a repository's file over the defaults and validates the result.
 * `raw` is what YAML produced: `null`/`undefined` (no file) gives the defaults.
 */
export function parseConfig(raw: unknown, file = CONFIG_PATH): Result<Config> {
  if (raw === null || raw === undefined) return ok(defaultConfig());
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return fail({ where: file, message: "expected a mapping of keys (the file's top level is not key: value)" });
  }
  const own = Object.fromEntries(Object.entries(raw).filter(([key]) => !PROBOT_KEYS.has(key)));
  const merged = mergeOver(structuredClone(DEFAULT_CONFIG), own, "");
  const parsed = ConfigSchema.safeParse(merged);
  if (!parsed.success) return fail(...parsed.error.issues.flatMap((issue) => problemsOf(issue, file)));
  const problems = crossCheck(parsed.data, file);
  return problems.length ? fail(...problems) : ok(parsed.data);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace; null removes an entry of a keyed map. */
function mergeOver(base: unknown, over: unknown, path: string): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (value === null && KEYED_MAPS.has(path)) delete result[key];
    else result[key] = key in base ? mergeOver(base[key], value, keyPath) : value;
  }
  return result;
}

function problemsOf(issue: z.core.$ZodIssue, file: string): Problem[] {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      where: `${file}: ${path ? `${path}.` : ""}${key}`,
      message: `unknown key "${key}"${path ? ` under ${path}` : ""} (check its spelling)`,
    }));
  }
  return [{ where: `${file}: ${path || "(top level)"}`, message: issue.message }];
}

function crossCheck(config: Config, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (key: string, message: string) => problems.push({ where: `${file}: ${key}`, message });
  const partners = new Set(Object.keys(config.partners));
  const needPartner = (key: string, id: string) => {
    if (!partners.has(id)) at(key, `unknown partner "${id}" (known: ${[...partners].join(", ")})`);
  };

  needPartner("desk", config.desk);
  config.notifyOnResolution.forEach((id, i) => needPartner(`notifyOnResolution.${i}`, id));
  for (const id of Object.keys(config.budgets.L3.days)) needPartner(`budgets.L3.days.${id}`, id);
  for (const [id, component] of Object.entries(config.components)) {
    if (!COMPONENT_ID.test(id)) at(`components.${id}`, "a component id is kebab-case: lower-case letters, digits and single dashes");
    if (id.length > COMPONENT_ID_MAX) at(`components.${id}`, `a component id has at most ${COMPONENT_ID_MAX} characters (it has ${id.length})`);
    component.owners.forEach((owner, i) => needPartner(`components.${id}.owners.${i}`, owner));
  }
  if (Object.keys(config.components).length === 0) at("components", "at least one component is needed");
  for (const [id, partner] of Object.entries(config.partners)) {
    if (!isTimeZone(partner.timeZone)) {
      at(`partners.${id}.timeZone`, `unknown time zone "${partner.timeZone}" (use an IANA name such as Europe/Brussels)`);
      continue;
    }
    // The calendar is built from these later; an unknown holiday country or region must fail here, by name.
    const calendar = validateCalendarSpec(partnerCalendarSpec(config, id));
    if (!calendar.ok) {
      for (const problem of calendar.problems) at(`partners.${id}.${calendarKey(problem.where)}`, problem.message);
    }
  }
  if (config.workingHours.end <= config.workingHours.start) at("workingHours.end", "the working day must end after it starts");
  const { start, end } = config.supportWindow;
  if (start && end && end < start) at("supportWindow.end", "the support window ends before it starts");
  return problems;
}

/** The calendar names its fields as the calendar spec does; say them as the configuration file does. */
function calendarKey(where: string): string {
  const closure = /^closures\[(\d+)\]/.exec(where);
  if (closure) return `holidays.closures.${closure[1]}`;
  const extra = /^extraHolidays\[(\d+)\]/.exec(where);
  if (extra) return `holidays.extraDates.${extra[1]}`;
  if (where === "country" || where === "region") return `holidays.${where}`;
  return where === "workingDays" || where.startsWith("day") ? "" : where;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
