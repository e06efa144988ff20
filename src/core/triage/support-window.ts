/** Whether support is offered on a date (SPEC §2 "Support window"), judged on the desk's local date. */
import { localDateOf } from "../calendar/local-date.js";
import type { Config } from "../config/schema.js";

export type WindowStatus = { kind: "open" } | { kind: "ended"; end: string } | { kind: "not-started"; start: string };

export function supportWindowStatus(window: Config["supportWindow"], now: Date, timeZone: string): WindowStatus {
  const today = localDateOf(now, timeZone);
  if (window.start && today < window.start) return { kind: "not-started", start: window.start };
  if (window.end && today > window.end) return { kind: "ended", end: window.end };
  return { kind: "open" };
}
