/**
 * Public holidays (date-holidays type "public" only) as sets of local "YYYY-MM-DD" dates,
 * cached per (country, region, year). Observances, optional and bank days never close a desk.
 */
import Holidays from "date-holidays";
import { DateTime } from "luxon";

const instances = new Map<string, Holidays>();
const holidaySets = new Map<string, ReadonlySet<string>>();
let countryCodes: ReadonlySet<string> | undefined;

/** The local dates of the public holidays of `country` (and `region`) in `year`. */
export function publicHolidays(country: string, region: string | undefined, year: number): ReadonlySet<string> {
  const key = `${country}|${region ?? ""}|${year}`;
  const cached = holidaySets.get(key);
  if (cached) return cached;
  const dates = new Set<string>();
  for (const holiday of holidaysFor(country, region).getHolidays(year)) {
    if (holiday.type !== "public") continue;
    // `date` is the local start ("2026-03-25 00:00:00"); a rare multi-day holiday closes each day.
    const first = DateTime.fromISO(holiday.date.slice(0, 10));
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
    for (let i = 0; i < days; i++) dates.add(first.plus({ days: i }).toISODate() ?? "");
  }
  holidaySets.set(key, dates);
  return dates;
}

export function isKnownCountry(country: string): boolean {
  countryCodes ??= new Set(Object.keys(new Holidays().getCountries()).map((code) => code.toUpperCase()));
  return countryCodes.has(country.toUpperCase());
}

export function isKnownRegion(country: string, region: string): boolean {
  const states = new Holidays().getStates(country) ?? {};
  return Object.keys(states).some((code) => code.toUpperCase() === region.toUpperCase());
}

function holidaysFor(country: string, region: string | undefined): Holidays {
  const key = `${country}|${region ?? ""}`;
  let instance = instances.get(key);
  if (!instance) {
    const options = { types: ["public" as const] };
    instance = region ? new Holidays(country, region, options) : new Holidays(country, options);
    instances.set(key, instance);
  }
  return instance;
}
