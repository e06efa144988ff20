/**
 * A web-form submission → the issue GitHub would have got from the issue form: `### Label`
 * sections in form order, reporter text sanitised, and a leading hidden marker naming the submission so a
 * retry can find the issue it may already have created. Never includes the reporter's name or e-mail.
 */
import type { Impact } from "../config/labels.js";
import { FORM_FIELDS, FORM_FIELD_ORDER, type FormField, NO_RESPONSE, type RequestType, type WhereOption } from "./form-fields.js";
import { type SanitiseOptions, sanitiseLine, sanitiseMarkdown } from "./sanitise.js";

/** A validated web submission: choices already checked against the configuration. */
export interface WebSubmission {
  component: { id: string; name: string };
  impact: Impact;
  requestType: RequestType;
  whatHappened: string;
  whenHappened: string;
  steps?: string | undefined;
  where?: WhereOption | undefined;
}

export interface RenderedIssue {
  title: string;
  body: string;
}

const TITLE_SUMMARY_MAX = 80;

/** The hidden marker that opens every web-form issue body (before the sections, so no section's value holds it). */
export function webFormMarker(submissionId: string): string {
  return `<!-- duet-support:web-form key=${encodeURIComponent(submissionId)} -->`;
}

const LEADING_MARKER = /^<!-- duet-support:web-form key=(\S+) -->\r?\n/;

/**
 * The submission id of a web-form issue, read from the marker on the body's first line only: a
 * reporter's text comes after it (and cannot contain "<" outside code), so it can never forge one.
 */
export function readWebFormKey(body: string | null | undefined): string | undefined {
  const match = body ? LEADING_MARKER.exec(body) : null;
  return match ? decodeURIComponent(match[1]!) : undefined;
}

export function renderWebFormIssue(submission: WebSubmission, submissionId: string, options: SanitiseOptions = {}): RenderedIssue {
  const values: Record<FormField, string> = {
    component: submission.component.name,
    impact: submission.impact,
    requestType: submission.requestType,
    whatHappened: sanitiseMarkdown(submission.whatHappened, options),
    whenHappened: sanitiseMarkdown(submission.whenHappened, options),
    steps: sanitiseMarkdown(submission.steps ?? "", options),
    where: submission.where ?? "",
  };
  const sections = FORM_FIELD_ORDER.map((field) => `### ${FORM_FIELDS[field]}\n\n${values[field] || NO_RESPONSE}\n\n`);
  return { title: renderTitle(submission), body: `${webFormMarker(submissionId)}\n\n${sections.join("")}` };
}

/** "<component>: <first line of what happened>" — titles are plain text, but keep them one short line. */
function renderTitle(submission: WebSubmission): string {
  const firstLine = submission.whatHappened.trim().split(/\r?\n/)[0] ?? "";
  return `${sanitiseLine(submission.component.name, 60)}: ${sanitiseLine(firstLine, TITLE_SUMMARY_MAX)}`;
}
