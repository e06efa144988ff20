/** Public API of the SLA clocks: a ticket's history → one response clock per tier entry. */
export type { Actor, TicketEvent, TicketHistory } from "./ticket-history.js";
export { type ClockPauseReason, type ClockRules, type SlaClock, type SlaState, currentClock } from "./sla-clock.js";
export { deriveClocks } from "./derive-clocks.js";
