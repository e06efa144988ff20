/**
 * The ticket as commands see it (read from its labels), and the ticket after a list of changes.
 * Later commands in a comment see what earlier ones did (`/tier L2` then `/escalate`).
 */
import {
  LABELS,
  type Impact,
  type PauseReason,
  type Tier,
  componentOfLabel,
  impactOfLabel,
  tierOfLabel,
} from "../config/labels.js";
import type { TicketChange } from "./command.js";

export interface TicketState {
  number: number;
  tier?: Tier;
  impact?: Impact;
  /** Component id from the `component:` label. */
  component?: string;
  labels: string[];
  isOutOfScope: boolean;
  pause?: PauseReason;
  state: "open" | "closed";
  /** Login of the issue's author (the reporter, or the app for web-form tickets). */
  author: string;
}

/** Reads tier, impact, component, pause and scope from the issue's labels. */
export function ticketStateFromLabels(issue: { number: number; labels: string[]; state: "open" | "closed"; author: string }): TicketState {
  const { labels } = issue;
  const tier = firstOf(labels, tierOfLabel);
  const impact = firstOf(labels, impactOfLabel);
  const component = firstOf(labels, (l) => componentOfLabel(l) || undefined);
  const pause: PauseReason | undefined = labels.includes(LABELS.needsInfo)
    ? "reporter"
    : labels.includes(LABELS.external)
      ? "external"
      : undefined;
  return {
    ...issue,
    labels: [...labels],
    ...(tier && { tier }),
    ...(impact && { impact }),
    ...(component && { component }),
    ...(pause && { pause }),
    isOutOfScope: labels.includes(LABELS.outOfScope),
  };
}

function firstOf<T>(labels: string[], read: (label: string) => T | undefined): T | undefined {
  for (const label of labels) {
    const value = read(label);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The ticket's fields after the changes (labels untouched: `labelDiff` computes those). */
export function applyChanges(ticket: TicketState, changes: readonly TicketChange[]): TicketState {
  let next: TicketState = { ...ticket };
  for (const change of changes) {
    switch (change.kind) {
      case "set-tier":
        next.tier = change.tier;
        break;
      case "set-impact":
        next.impact = change.impact;
        break;
      case "set-component":
        next.component = change.component;
        break;
      case "pause":
        next.pause = change.reason;
        break;
      case "resume": {
        const { pause: _, ...rest } = next;
        next = rest;
        break;
      }
      case "escalate":
        next.tier = "L3";
        break;
      case "out-of-scope": {
        // Triage gives an out-of-scope ticket no tier: no clock runs on it.
        const { tier: _, ...rest } = next;
        next = { ...rest, isOutOfScope: true };
        break;
      }
      case "in-scope":
        next.isOutOfScope = false;
        break;
      case "log-effort":
      case "propose-faq":
        break;
    }
  }
  return next;
}
