/**
 * The repair plan for a whole board: which tickets to add as cards and which cards' fields to
 * change, so that a second run over the same issues plans nothing. Never removes a card.
 */
import { tierOfLabel } from "../config/labels.js";
import { type BoardFieldChange, type BoardFields, fieldChanges } from "./board-fields.js";

/** A ticket reaches the board the moment it is triaged, i.e. once it carries a tier label. */
export function isBoardTicket(labels: readonly string[]): boolean {
  return labels.some((label) => tierOfLabel(label) !== undefined);
}

export interface BoardPlanEntry {
  number: number;
  labels: readonly string[];
  wanted: BoardFields;
  /** The card on this board, with the values it shows; undefined when it has none. */
  item?: { id: string; current: Partial<BoardFields> };
}

export interface BoardPlan {
  /** Tickets without a card: add one, then set these fields. */
  add: { number: number; changes: BoardFieldChange[] }[];
  /** Cards whose fields differ from the labels. */
  update: { number: number; itemId: string; changes: BoardFieldChange[] }[];
  /** Cards already right. */
  unchanged: number;
}

/** Issues that are not tickets are left off the board; a card that is already there is kept current. */
export function planBoard(entries: readonly BoardPlanEntry[]): BoardPlan {
  const plan: BoardPlan = { add: [], update: [], unchanged: 0 };
  for (const entry of entries) {
    if (!entry.item) {
      if (isBoardTicket(entry.labels)) plan.add.push({ number: entry.number, changes: fieldChanges({}, entry.wanted) });
      continue;
    }
    const changes = fieldChanges(entry.item.current, entry.wanted);
    if (changes.length) plan.update.push({ number: entry.number, itemId: entry.item.id, changes });
    else plan.unchanged++;
  }
  return plan;
}
