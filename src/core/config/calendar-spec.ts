/** A partner's working calendar as the calendar module needs it: its time zone, holidays and the working week. */
import type { CalendarSpec } from "../calendar/index.js";
import type { Config } from "./schema.js";

export function partnerCalendarSpec(config: Pick<Config, "partners" | "workingHours">, partnerId: string): CalendarSpec {
  const partner = config.partners[partnerId];
  if (!partner) throw new Error(`partner ${partnerId} is not configured (config was validated, so this is a bug)`);
  const { country, region, extraDates, closures } = partner.holidays;
  return {
    timeZone: partner.timeZone,
    ...(country && { country }),
    ...(region && { region }),
    workingDays: config.workingHours.days,
    dayStart: config.workingHours.start,
    dayEnd: config.workingHours.end,
    extraHolidays: extraDates,
    closures,
  };
}
