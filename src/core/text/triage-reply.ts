/**
 * The one reply posted on a new ticket: what happens next and by when, or what is missing; and the
 * updated list when the reporter's edit still leaves something out (docs/support-process.md).
 */
import { formatLocal } from "../calendar/index.js";
import type { Impact, Tier } from "../config/labels.js";
import type { Component } from "../config/schema.js";
import { FORM_FIELDS, type FormField } from "../intake/form-fields.js";
import type { Problem } from "../result.js";
import { needsInfoKey } from "../triage/awaiting-reporter.js";
import type { WindowStatus } from "../triage/support-window.js";
import { renderMarker } from "./markers.js";

export type TriageOutcome =
  | {
      kind: "routed";
      tier: Tier;
      tierName: string;
      impact: Impact;
      impactDescription: string;
      component: Component;
      partners: { id: string; name: string }[];
      responsible: { id: string; name: string; isDesk: boolean };
      /** Undefined when no clock runs once the ticket is routed: after a pause, one answered or still paused. */
      dueAt?: Date;
      /** The tier's clock was answered before the pause (a request completed after the desk replied). */
      isAnswered?: boolean;
      timeZone: string;
      targetHours: number;
      hoursPerDay: number;
      workingDay: string;
      assignee?: string;
      /** Chosen but dropped by GitHub (no write access). */
      droppedAssignee?: string;
      mentions: string[];
      /** The component's owners as handles, asked to pick the ticket up when nobody could be assigned. */
      owners: string[];
      unreadableTeams: string[];
      faqSuggestions: FaqLink[];
    }
  | { kind: "out-of-scope"; requestType: string; policy: string }
  | { kind: "needs-info"; missing: FormField[]; problems: Problem[]; faqSuggestions: FaqLink[] }
  | { kind: "window-closed"; window: Exclude<WindowStatus, { kind: "open" }> };

export interface FaqLink {
  question: string;
  url: string;
}

export interface TriageReplyOptions {
  /** The reporter edited the request and something is still missing: the list again, said as an update. */
  isUpdate?: boolean;
}

/**
 * The reply's text with its hidden marker. A needs-info reply carries the key of what it asked for
 * (`data.problems`), so the same list is never asked twice.
 */
export function renderTriageReply(outcome: TriageOutcome, options: TriageReplyOptions = {}): string {
  const faq = "faqSuggestions" in outcome ? renderFaqLinks(outcome.faqSuggestions) : "";
  const data = outcome.kind === "needs-info" ? { data: { problems: needsInfoKey(outcome.missing, outcome.problems) } } : {};
  return `${body(outcome, options)}${faq}\n\n${renderMarker({ kind: "triage", key: outcome.kind, ...data })}`;
}

function renderFaqLinks(links: FaqLink[]): string {
  if (links.length === 0) return "";
  return ["", "", "**These FAQ entries may already help:**", ...links.map((l) => `- [${l.question.replace(/[[\]]/g, "")}](${l.url})`)].join("\n");
}

function body(outcome: TriageOutcome, options: TriageReplyOptions): string {
  switch (outcome.kind) {
    case "routed":
      return routed(outcome);
    case "out-of-scope":
      return [
        `Thank you for your request. It is a **${outcome.requestType}**, which the support plan does not cover:`,
        "",
        `> ${outcome.policy}`,
        "",
        "It is labelled `out-of-scope` and no response deadline applies. If this is in fact a fault in something that " +
          "already exists, edit the request type and a member of the support desk will reclassify it with `/in-scope`.",
      ].join("\n");
    case "needs-info":
      return [
        options.isUpdate
          ? "Thank you for the update. Some information is still missing before the support desk can work on it:"
          : "Thank you for your request. Before the support desk can work on it, please complete it:",
        "",
        ...outcome.missing.map((field) => `- **${FORM_FIELDS[field]}**: missing`),
        ...outcome.problems.map((p) => `- **${p.where}**: ${p.message}`),
        "",
        "Edit the issue (keep each answer under its `### ` heading) or reply below. It is labelled `status: needs-info`, " +
          "which pauses the response clock until the desk has what it needs.",
      ].join("\n");
    case "window-closed":
      return outcome.window.kind === "ended"
        ? `Thank you for your request. The support period of this platform ended on **${outcome.window.end}**, so this request is not covered by the support plan and no response deadline applies. The maintainers may still read it.`
        : `Thank you for your request. Support for this platform starts on **${outcome.window.start}**; until then no response deadline applies.`;
  }
}

function hours(value: number, perDay: number): string {
  const days = value / perDay;
  if (value >= perDay && Number.isInteger(days)) return `${days} working day${days === 1 ? "" : "s"} (${value} working hours)`;
  return `${value} working hour${value === 1 ? "" : "s"}`;
}

function routed(o: Extract<TriageOutcome, { kind: "routed" }>): string {
  const owners = o.partners.map((p) => (p.name === p.id ? `**${p.id}**` : `**${p.id}** (${p.name})`)).join(" and ");
  const who = o.responsible.isDesk ? `the support desk (**${o.responsible.id}**)` : `**${o.responsible.id}**`;
  const lines = [
    `Thank you for your request. It is classified as **${o.tier}** (${o.tierName}), impact **${o.impact}** — ${lowerFirst(o.impactDescription)}`,
    "",
    `- Component: **${o.component.name}** (\`${o.component.id}\`), owned by ${owners}`,
    deadline(o, who),
  ];
  if (o.assignee) lines.push(`- Assigned to @${o.assignee}.`);
  if (o.droppedAssignee) {
    lines.push(`- @${o.droppedAssignee} could not be assigned: GitHub assigns only people with write access to this repository.`);
  }
  if (o.tier === "L3") lines.push("", "High impact goes straight to L3, the component's owners; the support desk is kept informed.");
  if (o.unreadableTeams.length > 0) {
    lines.push("", `The members of ${o.unreadableTeams.join(", ")} could not be read, so nobody was assigned automatically.`);
  }
  const mentions = o.droppedAssignee ? [...new Set([...o.owners, ...o.mentions])] : o.mentions;
  if (mentions.length > 0) lines.push("", `cc ${mentions.join(" ")}`);
  return lines.join("\n");
}

function deadline(o: Extract<TriageOutcome, { kind: "routed" }>, who: string): string {
  if (o.dueAt) {
    return `- Response due: **${formatLocal(o.dueAt, o.timeZone)}** — ${who} answers within ${hours(o.targetHours, o.hoursPerDay)}, counted Monday to Friday ${o.workingDay} ${o.timeZone} time, public holidays excluded.`;
  }
  if (o.isAnswered) return `- ${capitalFirst(who)} has already answered in ${o.tier}, so no new response deadline applies.`;
  return "- The response clock is paused; the deadline is given when it runs again.";
}

function capitalFirst(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function lowerFirst(text: string): string {
  return text ? text[0]!.toLowerCase() + text.slice(1) : text;
}
