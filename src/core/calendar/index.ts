/** Public API of the business calendar: working time in a team's zone, minus its holidays. */
export { type CalendarSpec, type CalendarSpecInput, validateCalendarSpec, DEFAULT_WORKING_DAYS, DEFAULT_DAY_START, DEFAULT_DAY_END } from "./calendar-spec.js";
export { type BusinessCalendar, createBusinessCalendar } from "./business-calendar.js";
export { formatLocal } from "./format-local.js";
export { publicHolidays } from "./public-holidays.js";
export { localDateOf } from "./local-date.js";
