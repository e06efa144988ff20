/**
 * Raw form or JSON fields → a WebSubmission and the reporter's contact, or an error code per field.
 * Choices are checked against the repository's configuration. Pure.
 */
import { IMPACTS, type Impact } from "../core/config/labels.js";
import { findComponent } from "../core/config/model.js";
import type { Config } from "../core/config/schema.js";
import { REQUEST_TYPES, REQUIRED_FIELDS, type RequestType, WHERE_OPTIONS, type WhereOption } from "../core/intake/form-fields.js";
import type { WebSubmission } from "../core/intake/render-body.js";
import type { ErrorCode, InputField } from "./strings.js";

export interface Contact {
  name?: string | undefined;
  email?: string | undefined;
}

export type FieldErrors = Partial<Record<InputField, ErrorCode>>;

export type Validation = { ok: true; submission: WebSubmission; contact: Contact } | { ok: false; errors: FieldErrors };

/** The fields as the browser or the portal sent them: strings, kept for re-rendering the form. */
export type RawFields = Partial<Record<InputField, string>>;

const MAX_LENGTH: Record<InputField, number> = {
  component: 100,
  impact: 20,
  requestType: 40,
  whatHappened: 10_000,
  whenHappened: 500,
  steps: 10_000,
  where: 20,
  name: 200,
  email: 254,
};

export const INPUT_FIELDS = Object.keys(MAX_LENGTH) as InputField[];

// Deliberately loose (RFC 5322 is looser still): one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Picks the known fields out of a parsed body; anything that is not a string is reported. */
export function readRawFields(input: Record<string, unknown>): { fields: RawFields; errors: FieldErrors } {
  const fields: RawFields = {};
  const errors: FieldErrors = {};
  for (const field of INPUT_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") fields[field] = value;
    else errors[field] = "notText";
  }
  return { fields, errors };
}

export function validateSubmission(fields: RawFields, config: Pick<Config, "components">): Validation {
  const errors: FieldErrors = {};
  const value = (field: InputField): string => (fields[field] ?? "").trim();
  for (const field of INPUT_FIELDS) {
    if (value(field).length > MAX_LENGTH[field]) errors[field] = "tooLong";
    else if (REQUIRED_FIELDS.includes(field as never) && !value(field)) errors[field] = "required";
  }
  const component = value("component") ? findComponent(config, value("component")) : undefined;
  if (!errors.component && !component) errors.component = "unknownComponent";
  if (!errors.impact && !IMPACTS.includes(value("impact") as Impact)) errors.impact = "unknownImpact";
  if (!errors.requestType && !REQUEST_TYPES.includes(value("requestType") as RequestType)) errors.requestType = "unknownRequestType";
  if (!errors.where && value("where") && !WHERE_OPTIONS.includes(value("where") as WhereOption)) errors.where = "unknownWhere";
  if (!errors.email && value("email") && !EMAIL.test(value("email"))) errors.email = "invalidEmail";
  if (Object.keys(errors).length > 0 || !component) return { ok: false, errors };
  return {
    ok: true,
    submission: {
      component: { id: component.id, name: component.name },
      impact: value("impact") as Impact,
      requestType: value("requestType") as RequestType,
      whatHappened: value("whatHappened"),
      whenHappened: value("whenHappened"),
      steps: value("steps") || undefined,
      where: (value("where") || undefined) as WhereOption | undefined,
    },
    contact: { name: value("name") || undefined, email: value("email") || undefined },
  };
}
