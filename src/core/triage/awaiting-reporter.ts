/**
 * A request triage sent back to its reporter (`status: needs-info`): whether the app is still waiting
 * for it, and the key of each list of missing fields it asked for, so one list is never asked twice.
 */
import { createHash } from "node:crypto";
import type { FormField } from "../intake/form-fields.js";
import type { Problem } from "../result.js";
import { readMarkers } from "../text/markers.js";

const NEEDS_INFO = "needs-info";

/** A short, stable key of what a needs-info reply asks for: the same fields and problems give the same key. */
export function needsInfoKey(missing: readonly FormField[], problems: readonly Problem[]): string {
  const asked = JSON.stringify({ missing: [...missing].sort(), problems: problems.map((p) => `${p.where}: ${p.message}`).sort() });
  return createHash("sha256").update(asked).digest("hex").slice(0, 12);
}

/**
 * True when the app's latest triage reply asked for missing information (a needs-info reply, first
 * or updated). A `status: needs-info` added by `/pause reporter` after routing is not a triage's: an
 * edit then triages nothing again.
 */
export function isAwaitingCompletion(appCommentBodies: readonly string[]): boolean {
  const triageKeys = appCommentBodies.flatMap((body) => readMarkers(body).filter((m) => m.kind === "triage").map((m) => m.key));
  return triageKeys[triageKeys.length - 1] === NEEDS_INFO;
}

/** Whether one of the app's needs-info replies already asked for exactly this (its key). */
export function hasAskedFor(appCommentBodies: readonly string[], key: string): boolean {
  return appCommentBodies.some((body) => readMarkers(body).some((m) => m.kind === "triage" && m.key === NEEDS_INFO && m.data?.problems === key));
}
