/**
 * How an instant is shown to people: the team's local wall clock with its zone, in English,
 * e.g. "Tue 1 Dec 2026, 12:00 EET (Europe/Athens)". Names are spelled here, not by the ICU build.
 */
import { DateTime } from "luxon";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatLocal(at: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale("en-GB");
  if (!local.isValid) throw new RangeError(`unknown time zone "${timeZone}"`);
  const zoneName = local.offsetNameShort ?? "";
  const clock = local.toFormat("HH:mm");
  return `${WEEKDAYS[local.weekday - 1]} ${local.day} ${MONTHS[local.month - 1]} ${local.year}, ${clock} ${zoneName} (${timeZone})`;
}
