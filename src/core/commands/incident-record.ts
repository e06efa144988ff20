/**
 * The incident record L2 writes when it escalates (seed D5.3, L2: "what happened, when it happened,
 * the nature of the occurrence"), plus component and impact. Parses, checks completeness, renders.
 */
import { IMPACTS, type Impact } from "../config/labels.js";
import { findComponent, listComponents, matchComponent } from "../config/model.js";
import type { Config } from "../config/schema.js";
import { FORM_FIELDS, NO_RESPONSE } from "../intake/form-fields.js";
import { type Problem, type Result, fail, ok } from "../result.js";

export const INCIDENT_FIELDS = {
  whatHappened: FORM_FIELDS.whatHappened,
  whenHappened: FORM_FIELDS.whenHappened,
  nature: "Nature of the occurrence",
  component: FORM_FIELDS.component,
  impact: FORM_FIELDS.impact,
} as const;
export type IncidentField = keyof typeof INCIDENT_FIELDS;

const FIELD_ORDER: IncidentField[] = ["whatHappened", "whenHappened", "nature", "component", "impact"];

/** What each field asks for: the template's hints and the problem when it is missing. */
const FIELD_HINTS: Record<IncidentField, string> = {
  whatHappened: "what the user saw, what fails, any error message",
  whenHappened: "date and time with the time zone, and whether it still happens",
  nature: "the kind of occurrence (fault, outage, data problem, performance…) and what L2 found and tried",
  component: "the component id, e.g. message-broker (may be left out when the ticket has a component label)",
  impact: "low, medium or high (may be left out when the ticket has an impact label)",
};

/** Titles people write for each field, normalised (lower case, single spaces). */
const ALIASES: Record<string, IncidentField> = {
  "what happened": "whatHappened",
  "what happens": "whatHappened",
  "when did it happen": "whenHappened",
  "when it happened": "whenHappened",
  when: "whenHappened",
  "nature of the occurrence": "nature",
  "nature of occurrence": "nature",
  nature: "nature",
  component: "component",
  impact: "impact",
};

/** The record as written: fields found (raw text) and any other sections, kept in order. */
export interface IncidentDraft {
  fields: Partial<Record<IncidentField, string>>;
  details: { heading: string; text: string }[];
}

export interface IncidentRecord {
  whatHappened: string;
  whenHappened: string;
  nature: string;
  /** Component id: the record's, or the ticket's when the record leaves it out. */
  component: string;
  impact: Impact;
  /** Other sections the desk wrote ("and so on" in the plan): steps, workaround, logs. */
  details: { heading: string; text: string }[];
  recordedBy: string;
  recordedAt: Date;
}

const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/;
/** `What happened: …`, `**What happened:** …`, `- When: …` */
const LABEL_LINE = /^[ \t]*(?:[-*][ \t]+)?[*_]{0,2}([A-Za-z][A-Za-z ]{0,40}?)[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*(.*)$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** Reads `### What happened` sections and `What happened:` lines; HTML comments (the template's hints) are dropped. */
export function parseIncidentRecord(text: string): IncidentDraft {
  const lines = text.replace(/\r\n?/g, "\n").replace(/<!--[\s\S]*?-->/g, "").split("\n");
  const sections: { field?: IncidentField; heading: string; lines: string[] }[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) fence = fence ? (fenceMatch[1]!.startsWith(fence) ? undefined : fence) : fenceMatch[1]!;
    const heading = fence || fenceMatch ? null : HEADING.exec(line);
    const labelled = fence || fenceMatch || heading ? null : LABEL_LINE.exec(line);
    const labelField = labelled ? ALIASES[normalise(labelled[1]!)] : undefined;
    if (heading) {
      const title = heading[1]!.replace(/[*_:]/g, "").trim();
      const field = ALIASES[normalise(title)];
      sections.push({ ...(field && { field }), heading: title, lines: [] });
    } else if (labelled && labelField) {
      sections.push({ field: labelField, heading: INCIDENT_FIELDS[labelField], lines: [labelled[2]!] });
    } else if (sections.length > 0) {
      sections.at(-1)!.lines.push(line);
    } else if (line.trim()) {
      sections.push({ heading: "Notes", lines: [line] });
    }
  }

  const draft: IncidentDraft = { fields: {}, details: [] };
  for (const section of sections) {
    const value = section.lines.join("\n").trim();
    const text = value === NO_RESPONSE ? "" : value;
    if (!section.field) {
      if (text) draft.details.push({ heading: section.heading, text });
    } else if (text) {
      const before = draft.fields[section.field];
      draft.fields[section.field] = before ? `${before}\n\n${text}` : text;
    }
  }
  return draft;
}

function normalise(title: string): string {
  return title.replace(/[*_:?]/g, "").trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * The complete record, or a problem for each missing or unusable field (named by its section title).
 * Component and impact may come from the ticket's labels.
 */
export function completeIncidentRecord(
  draft: IncidentDraft,
  ticket: { component?: string; impact?: Impact },
  config: Pick<Config, "components">,
  by: { actor: string; now: Date },
): Result<IncidentRecord> {
  const problems: Problem[] = [];
  const missing = (field: IncidentField) =>
    problems.push({ where: INCIDENT_FIELDS[field], message: `The incident record needs “${INCIDENT_FIELDS[field]}”: ${FIELD_HINTS[field]}.` });

  const { whatHappened, whenHappened, nature } = draft.fields;
  if (!whatHappened) missing("whatHappened");
  if (!whenHappened) missing("whenHappened");
  if (!nature) missing("nature");

  let component = ticket.component;
  if (draft.fields.component) {
    const written = firstLine(draft.fields.component);
    const found = matchComponent(config, written.replace(/^`|`$/g, ""));
    if (found) component = found.id;
    else {
      problems.push({
        where: INCIDENT_FIELDS.component,
        message: `“${written}” is not a component. Use one of: ${listComponents(config).map((c) => `\`${c.id}\``).join(", ")}.`,
      });
    }
  } else if (!component) missing("component");

  let impact = ticket.impact;
  if (draft.fields.impact) {
    const written = firstLine(draft.fields.impact);
    const word = written.toLowerCase().match(/[a-z]+/)?.[0];
    const found = IMPACTS.find((i) => i === word);
    if (found) impact = found;
    else problems.push({ where: INCIDENT_FIELDS.impact, message: `“${written}” is not an impact. Use low, medium or high.` });
  } else if (!impact) missing("impact");

  if (problems.length > 0 || !whatHappened || !whenHappened || !nature || !component || !impact) return fail(...problems);
  return ok({ whatHappened, whenHappened, nature, component, impact, details: draft.details, recordedBy: by.actor, recordedAt: by.now });
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim();
}

/**
 * The record to copy, fill in and post as a new comment. Fields the ticket already has labels for
 * are marked optional; the `/escalate` line is included so the filled copy runs the command.
 */
export function incidentTemplate(ticket: { component?: string; impact?: Impact } = {}): string {
  const fields = FIELD_ORDER.filter((field) => !(field === "component" && ticket.component) && !(field === "impact" && ticket.impact));
  return [
    "/escalate",
    ...fields.flatMap((field) => ["", `### ${INCIDENT_FIELDS[field]}`, `<!-- ${FIELD_HINTS[field]} -->`, ""]),
  ].join("\n");
}

/** The record as the one structured comment posted on escalation (the L3 team works from it). */
export function renderIncidentRecord(record: IncidentRecord, config: Pick<Config, "components">): string {
  const component = findComponent(config, record.component);
  const componentText = component ? `${component.name} (\`${component.id}\`)` : `\`${record.component}\``;
  return [
    "## Incident record",
    "",
    `**Component:** ${componentText} · **Impact:** ${record.impact} · **Recorded by:** @${record.recordedBy} at ${record.recordedAt.toISOString()}`,
    ...[
      { heading: INCIDENT_FIELDS.whatHappened, text: record.whatHappened },
      { heading: INCIDENT_FIELDS.whenHappened, text: record.whenHappened },
      { heading: INCIDENT_FIELDS.nature, text: record.nature },
      ...record.details,
    ].flatMap((section) => ["", `### ${section.heading}`, "", section.text]),
  ].join("\n");
}
