/**
 * Reads a support request from an issue body rendered as `### Label` sections (GitHub issue forms
 * and our web form write the same shape). Issues opened through the API or the blank-issue page skip
 * the form's own checks, so every body is validated here and each problem names its field.
 */
import type { Component, Config } from "../config/schema.js";
import { IMPACTS, type Impact } from "../config/labels.js";
import { matchComponent } from "../config/model.js";
import type { Problem } from "../result.js";
import { echoUserText } from "../text/user-text.js";
import {
  FORM_FIELDS,
  FORM_FIELD_ORDER,
  type FormField,
  NO_RESPONSE,
  REQUEST_TYPES,
  REQUIRED_FIELDS,
  type RequestType,
  WHERE_OPTIONS,
  type WhereOption,
} from "./form-fields.js";

export interface SupportRequest {
  component?: Component;
  impact?: Impact;
  requestType?: RequestType;
  whatHappened?: string;
  whenHappened?: string;
  steps?: string;
  where?: WhereOption;
}

export interface IntakeResult {
  request: SupportRequest;
  /** Required fields that are empty or absent, in form order. */
  missing: FormField[];
  /** Fields present with a value the app cannot use (an unknown component, an impact of "urgent"). */
  problems: Problem[];
}

/** `### Label` → text, in body order. A heading inside a fenced code block is text, not a section. */
export function parseSections(body: string | null | undefined): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    if (current !== undefined && !sections.has(current)) sections.set(current, cleanValue(lines.join("\n")));
  };
  for (const line of (body ?? "").replace(/\r\n?/g, "\n").split("\n")) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = marker;
      else if (marker.startsWith(fence[0]!) && marker.length >= fence.length) fence = undefined;
    }
    const heading = fence ? null : /^###\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      current = heading[1]!.trim();
      lines = [];
    } else if (current !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

function cleanValue(text: string): string {
  const value = text.trim();
  return value === NO_RESPONSE ? "" : value;
}

const LABEL_TO_FIELD = new Map<string, FormField>(
  FORM_FIELD_ORDER.map((field) => [FORM_FIELDS[field].toLowerCase(), field]),
);

/** True when the body carries at least one of the form's sections (a form or web-form submission). */
export function hasFormSections(body: string | null | undefined): boolean {
  for (const label of parseSections(body).keys()) if (LABEL_TO_FIELD.has(label.toLowerCase())) return true;
  return false;
}

export function readSupportRequest(body: string | null | undefined, config: Pick<Config, "components">): IntakeResult {
  const values = new Map<FormField, string>();
  for (const [label, value] of parseSections(body)) {
    const field = LABEL_TO_FIELD.get(label.toLowerCase());
    if (field && value) values.set(field, value);
  }
  const request: SupportRequest = {};
  const problems: Problem[] = [];
  const invalid = (field: FormField, message: string) => problems.push({ where: FORM_FIELDS[field], message });

  const component = values.get("component");
  if (component !== undefined) {
    const match = matchComponent(config, component);
    if (match) request.component = match;
    else invalid("component", `"${oneLine(component)}" is not a known component; pick one from the list in the form`);
  }
  const impact = values.get("impact");
  if (impact !== undefined) {
    const value = firstWord(impact) as Impact;
    if (IMPACTS.includes(value)) request.impact = value;
    else invalid("impact", `"${oneLine(impact)}" is not an impact; use one of ${IMPACTS.join(", ")}`);
  }
  const requestType = values.get("requestType");
  if (requestType !== undefined) {
    const value = REQUEST_TYPES.find((t) => t === requestType.trim().toLowerCase());
    if (value) request.requestType = value;
    else invalid("requestType", `"${oneLine(requestType)}" is not a request type; use one of ${REQUEST_TYPES.join(", ")}`);
  }
  const where = values.get("where");
  if (where !== undefined) {
    const value = WHERE_OPTIONS.find((w) => w.toLowerCase() === where.trim().toLowerCase());
    if (value) request.where = value;
    else invalid("where", `"${oneLine(where)}" is not a place; use one of ${WHERE_OPTIONS.join(", ")}`);
  }
  const whatHappened = values.get("whatHappened");
  if (whatHappened) request.whatHappened = whatHappened;
  const whenHappened = values.get("whenHappened");
  if (whenHappened) request.whenHappened = whenHappened;
  const steps = values.get("steps");
  if (steps) request.steps = steps;

  const invalidFields = new Set(problems.map((p) => p.where));
  const missing = REQUIRED_FIELDS.filter((field) => !values.has(field) && !invalidFields.has(FORM_FIELDS[field]));
  return { request, missing, problems };
}

/** "high — the platform is down" and "High" both read as "high". */
function firstWord(text: string): string {
  return text.trim().toLowerCase().split(/[\s:—–-]+/)[0] ?? "";
}

function oneLine(text: string): string {
  return echoUserText(text.trim().split("\n")[0] ?? "", 60);
}
