/** Public API of the board mirror's decisions: card fields, field layout and gaps, repair plans. */
export {
  BOARD_FIELD_KEYS,
  BOARD_SLA_STATES,
  type BoardFieldChange,
  type BoardFieldKey,
  type BoardFields,
  type BoardSlaState,
  EMPTY_BOARD_FIELDS,
  boardFieldsOf,
  fieldChanges,
} from "./board-fields.js";
export {
  type BoardFieldKind,
  type BoardFieldSpec,
  type BoardGaps,
  type BoardOption,
  DEFAULT_BOARD_FIELD_NAMES,
  type ExistingField,
  type OptionColor,
  boardFieldSpecs,
  boardGaps,
  findField,
} from "./board-layout.js";
export { type BoardPlan, type BoardPlanEntry, isBoardTicket, planBoard } from "./board-plan.js";
export { boardErrorKey, hasReportedBoardError, renderBoardError } from "../text/board-error.js";
export { responsibleTimeZone } from "./responsible-time-zone.js";
