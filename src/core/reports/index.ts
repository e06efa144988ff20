/** Public API of the support report: figures from a year of tickets, and their renderers. */
export {
  type ReportTicket,
  type ReportClock,
  type ReportEffort,
  type ReportConfig,
  type SupportReport,
  type TierFigures,
  type SlaCompliance,
  type ResponseTimes,
  type OpenBreach,
  buildReport,
} from "./build-report.js";
export { type EffortLine, effortAgainstBudgets } from "./effort-budget.js";
export { type SupportYear, supportYear, elapsedShare } from "./support-year.js";
export { median, nearestRankPercentile } from "./percentiles.js";
export { renderReportMarkdown, renderReportJson } from "./render-report.js";
