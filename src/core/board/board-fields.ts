/**
 * What the board shows for a ticket (SPEC §3 "The board"): its fields, read from the labels and the
 * current clock, and the changes that bring a card up to date. Labels stay the source of truth.
 */
import type { SlaClock } from "../clocks/index.js";
import { type Impact, type Tier, componentOfLabel, impactOfLabel, partnerOfLabel, tierOfLabel } from "../config/labels.js";
import { localDateOf } from "../calendar/local-date.js";

export const BOARD_FIELD_KEYS = ["tier", "impact", "component", "partner", "slaState", "responseDue"] as const;
export type BoardFieldKey = (typeof BOARD_FIELD_KEYS)[number];

/** The clock states a card can show; "superseded" belongs to a tier the ticket has left, never to a card. */
export const BOARD_SLA_STATES = ["on track", "warning", "breached", "paused", "answered", "closed"] as const;
export type BoardSlaState = (typeof BOARD_SLA_STATES)[number];

/** A card's fields; null is an empty field. `responseDue` is a local date, YYYY-MM-DD. */
export interface BoardFields {
  tier: Tier | null;
  impact: Impact | null;
  component: string | null;
  partner: string | null;
  slaState: BoardSlaState | null;
  responseDue: string | null;
}

/** One field to set (a value) or clear (null) on a card. */
export interface BoardFieldChange {
  key: BoardFieldKey;
  value: string | null;
}

export const EMPTY_BOARD_FIELDS: BoardFields = {
  tier: null,
  impact: null,
  component: null,
  partner: null,
  slaState: null,
  responseDue: null,
};

// A due date only means something while the clock runs or has just run out.
const SHOWS_DUE_DATE: ReadonlySet<string> = new Set(["on track", "warning", "breached"]);

/**
 * The fields a ticket's card should show. The tier is the current clock's (the most recently added
 * tier label), else the first tier label; several component or partner labels read as one
 * comma-separated text in alphabetical order ("ATC, IMEC"). `responsibleTimeZone` is the time zone
 * of the team answering the current tier: the due date is the day in that team's terms.
 */
export function boardFieldsOf(
  ticket: { labels: readonly string[]; state: "open" | "closed" },
  clock: SlaClock | undefined,
  responsibleTimeZone: string,
): BoardFields {
  const firstOf = <T>(read: (label: string) => T | undefined): T | null => {
    for (const label of ticket.labels) {
      const value = read(label);
      if (value !== undefined) return value;
    }
    return null;
  };
  const listOf = (read: (label: string) => string | undefined): string | null => {
    const values = [...new Set(ticket.labels.map(read).filter((v): v is string => !!v))].sort();
    return values.length ? values.join(", ") : null;
  };
  const slaState = slaStateOf(ticket.state, clock);
  return {
    tier: clock?.tier ?? firstOf(tierOfLabel),
    impact: firstOf(impactOfLabel),
    component: listOf(componentOfLabel),
    partner: listOf(partnerOfLabel),
    slaState,
    responseDue: slaState && SHOWS_DUE_DATE.has(slaState) && clock?.dueAt ? localDateOf(clock.dueAt, responsibleTimeZone) : null,
  };
}

/** A closed issue reads "closed" whatever its clock says; otherwise the clock's own state (SPEC §2). */
function slaStateOf(state: "open" | "closed", clock: SlaClock | undefined): BoardSlaState | null {
  if (state === "closed") return "closed";
  if (!clock || clock.state === "superseded") return null;
  return clock.state;
}

/** The changes that turn a card's `current` fields (missing = empty) into `wanted`; none when equal. */
export function fieldChanges(current: Partial<BoardFields>, wanted: BoardFields): BoardFieldChange[] {
  return BOARD_FIELD_KEYS.filter((key) => (current[key] ?? null) !== wanted[key]).map((key) => ({ key, value: wanted[key] }));
}
