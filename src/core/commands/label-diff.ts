/**
 * Changes → the labels to add and remove. A diff, never "set everything": only the label kinds a
 * change touches are recomputed, and each replaces its old value (triage's `planWith` does the same).
 */
import { LABELS, LABEL_PREFIX, PAUSE_LABELS } from "../config/labels.js";
import { findComponent } from "../config/model.js";
import type { Config } from "../config/schema.js";
import type { TicketChange } from "./command.js";
import { type TicketState, applyChanges } from "./ticket-state.js";

export interface LabelDiff {
  add: string[];
  remove: string[];
}

/** In the order labels are listed in a diff, whatever the order of the changes. */
const LABEL_KINDS = ["tier", "sla", "impact", "component", "partner", "pause", "scope"] as const;
type LabelKind = (typeof LABEL_KINDS)[number];

const KINDS_OF_CHANGE: Record<TicketChange["kind"], LabelKind[]> = {
  "set-tier": ["tier", "sla"],
  escalate: ["tier", "sla"],
  "set-impact": ["impact"],
  "set-component": ["component", "partner"],
  pause: ["pause"],
  resume: ["pause"],
  "out-of-scope": ["scope", "tier", "sla"],
  "in-scope": ["scope"],
  "log-effort": [],
  "propose-faq": [],
};

const PAUSE_LABEL_NAMES: string[] = Object.values(PAUSE_LABELS);

/** Whether a label belongs to a kind (a stray `tier: L9` counts as a tier label and is replaced too). */
const BELONGS: Record<LabelKind, (label: string) => boolean> = {
  tier: (l) => l.startsWith(LABEL_PREFIX.tier),
  // A new tier starts a new clock, so the old clock's warning and breach labels no longer apply.
  sla: (l) => l === LABELS.slaWarning || l === LABELS.slaBreached,
  impact: (l) => l.startsWith(LABEL_PREFIX.impact),
  component: (l) => l.startsWith(LABEL_PREFIX.component),
  partner: (l) => l.startsWith(LABEL_PREFIX.partner),
  pause: (l) => PAUSE_LABEL_NAMES.includes(l),
  scope: (l) => l === LABELS.outOfScope,
};

/** The labels the changes imply on the ticket; partner labels follow the component's owners. */
export function labelDiff(ticket: TicketState, changes: readonly TicketChange[], config: Pick<Config, "components">): LabelDiff {
  const after = applyChanges(ticket, changes);
  const changed = new Set(changes.flatMap((change) => KINDS_OF_CHANGE[change.kind]));
  if (after.tier === ticket.tier) changed.delete("sla");
  const kinds = LABEL_KINDS.filter((kind) => changed.has(kind));

  const wanted = kinds.flatMap((kind) => wantedLabels(kind, after, config));
  const touched = kinds.filter((kind) => kind !== "partner" || partnerLabels(after, config) !== undefined);
  return {
    add: unique(wanted.filter((label) => !ticket.labels.includes(label))),
    remove: ticket.labels.filter((label) => touched.some((kind) => BELONGS[kind](label)) && !wanted.includes(label)),
  };
}

function wantedLabels(kind: LabelKind, after: TicketState, config: Pick<Config, "components">): string[] {
  switch (kind) {
    case "tier":
      return after.tier ? [LABELS.tier(after.tier)] : [];
    case "sla":
      return [];
    case "impact":
      return after.impact ? [LABELS.impact(after.impact)] : [];
    case "component":
      return after.component ? [LABELS.component(after.component)] : [];
    case "partner":
      return partnerLabels(after, config) ?? [];
    case "pause":
      return after.pause ? [PAUSE_LABELS[after.pause]] : [];
    case "scope":
      return after.isOutOfScope ? [LABELS.outOfScope] : [];
  }
}

/** `partner:` labels of the ticket's component (as triage sets them); undefined leaves them alone. */
function partnerLabels(ticket: TicketState, config: Pick<Config, "components">): string[] | undefined {
  const component = ticket.component ? findComponent(config, ticket.component) : undefined;
  return component?.owners.map(LABELS.partner);
}

function unique(labels: string[]): string[] {
  return [...new Set(labels)];
}
