/**
 * The fields the app keeps on the board, with their kinds and single-select options, and what a
 * board lacks of them (fields to create, options to add, fields of the wrong kind). Decides only.
 */
import type { Problem } from "../result.js";
import { IMPACTS, TIERS } from "../config/labels.js";
import { BOARD_FIELD_KEYS, BOARD_SLA_STATES, type BoardFieldKey } from "./board-fields.js";

export type BoardFieldKind = "singleSelect" | "text" | "date";
export type OptionColor = "GRAY" | "BLUE" | "GREEN" | "YELLOW" | "ORANGE" | "RED" | "PINK" | "PURPLE";

export interface BoardOption {
  name: string;
  color: OptionColor;
  description: string;
}

export interface BoardFieldSpec {
  key: BoardFieldKey;
  /** The field's name on the board (configurable, `board.fields`). */
  name: string;
  kind: BoardFieldKind;
  /** Single-select options, in the order the board lists them. */
  options: BoardOption[];
}

/** SPEC §3 names the fields; a deployment may rename them with `board.fields`. */
export const DEFAULT_BOARD_FIELD_NAMES: Record<BoardFieldKey, string> = {
  tier: "Tier",
  impact: "Impact",
  component: "Component",
  partner: "Partner",
  slaState: "SLA state",
  responseDue: "Response due",
};

const TIER_OPTIONS: BoardOption[] = TIERS.map((tier) => ({
  name: tier,
  color: ({ L1: "BLUE", L2: "PURPLE", L3: "PINK" } as const)[tier],
  description: { L1: "Intake and triage by the desk", L2: "Troubleshooting by the desk", L3: "Fix by the component's owners" }[tier],
}));

const IMPACT_OPTIONS: BoardOption[] = IMPACTS.map((impact) => ({
  name: impact,
  color: ({ low: "GREEN", medium: "YELLOW", high: "RED" } as const)[impact],
  description: {
    low: "Platform running; a user found an issue",
    medium: "Platform running; a critical functionality down",
    high: "Platform down and a critical functionality down",
  }[impact],
}));

const SLA_OPTIONS: BoardOption[] = BOARD_SLA_STATES.map((state) => ({
  name: state,
  color: ({ "on track": "GREEN", warning: "YELLOW", breached: "RED", paused: "GRAY", answered: "BLUE", closed: "PURPLE" } as const)[state],
  description: {
    "on track": "Unanswered, within the response target",
    warning: "Unanswered, 75 % of the response target used",
    breached: "Unanswered past the response target",
    paused: "Waiting on the reporter or an external service",
    answered: "The responsible team has responded",
    closed: "The issue is closed",
  }[state],
}));

/** The six fields with their board names. */
export function boardFieldSpecs(names: Partial<Record<BoardFieldKey, string>> = {}): BoardFieldSpec[] {
  const kinds: Record<BoardFieldKey, [BoardFieldKind, BoardOption[]]> = {
    tier: ["singleSelect", TIER_OPTIONS],
    impact: ["singleSelect", IMPACT_OPTIONS],
    component: ["text", []],
    partner: ["text", []],
    slaState: ["singleSelect", SLA_OPTIONS],
    responseDue: ["date", []],
  };
  return BOARD_FIELD_KEYS.map((key) => {
    const [kind, options] = kinds[key];
    return { key, name: names[key] ?? DEFAULT_BOARD_FIELD_NAMES[key], kind, options };
  });
}

/** A field as the board has it; `kind` "other" for any type the app does not write (number, title, …). */
export interface ExistingField {
  id: string;
  name: string;
  kind: BoardFieldKind | "other";
  options: { id: string; name: string; color: OptionColor; description: string }[];
}

export interface BoardGaps {
  create: BoardFieldSpec[];
  addOptions: { field: ExistingField; missing: BoardOption[] }[];
  /** Fields that exist with another kind: the app cannot write them and will not replace them. */
  problems: Problem[];
}

const KIND_NAMES: Record<ExistingField["kind"], string> = { singleSelect: "single select", text: "text", date: "date", other: "another kind of" };

/** Names match without regard to case, as people type them in the board's settings. */
export function findField(existing: readonly ExistingField[], name: string): ExistingField | undefined {
  return existing.find((field) => field.name.toLowerCase() === name.toLowerCase());
}

export function boardGaps(existing: readonly ExistingField[], specs: readonly BoardFieldSpec[]): BoardGaps {
  const gaps: BoardGaps = { create: [], addOptions: [], problems: [] };
  for (const spec of specs) {
    const field = findField(existing, spec.name);
    if (!field) {
      gaps.create.push(spec);
    } else if (field.kind !== spec.kind) {
      gaps.problems.push({
        where: `board field "${field.name}"`,
        message: `is a ${KIND_NAMES[field.kind]} field; the app needs a ${KIND_NAMES[spec.kind]} field of that name (rename or delete it, or set board.fields.${spec.key})`,
      });
    } else {
      const have = new Set(field.options.map((o) => o.name.toLowerCase()));
      const missing = spec.options.filter((o) => !have.has(o.name.toLowerCase()));
      if (missing.length) gaps.addOptions.push({ field, missing });
    }
  }
  return gaps;
}
