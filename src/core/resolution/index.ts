/** Public API of the resolution summary: an L3 ticket's clocks and effort when it is solved. */
export { type ClockLine, type ClockResult, type ResolutionInput, type ResolutionSummary, summariseResolution } from "./resolution-summary.js";
export { type EffortEntry, type EffortTotal, readEffortLog, totalEffort } from "./effort-log.js";
