/**
 * The support year a report covers: from `reportYearStart` (MM-DD, UTC midnight) of `year` to the
 * same day a year later, and how much of it has passed at `now` (the factor the plan is scaled by).
 */

export interface SupportYear {
  /** The calendar year the support year starts in. */
  year: number;
  /** First instant of the support year (UTC midnight of reportYearStart). */
  start: Date;
  /** First instant after the support year. */
  end: Date;
}

/** The support year starting on `reportYearStart` ("MM-DD") of `year`; 02-29 in a common year is 28 February. */
export function supportYear(reportYearStart: string, year: number): SupportYear {
  const [month, day] = reportYearStart.split("-").map(Number) as [number, number];
  return { year, start: startOn(year, month, day), end: startOn(year + 1, month, day) };
}

function startOn(year: number, month: number, day: number): Date {
  // Clamp to the month's length, so "02-29" or "04-31" never spills into the next month.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1, Math.min(day, daysInMonth)));
}

/** Share of the year elapsed at `now`: 0 before it starts, 1 once it is over. */
export function elapsedShare(period: SupportYear, now: Date): number {
  const length = period.end.getTime() - period.start.getTime();
  const elapsed = now.getTime() - period.start.getTime();
  return Math.min(1, Math.max(0, elapsed / length));
}

export function isInYear(period: SupportYear, at: Date): boolean {
  return at.getTime() >= period.start.getTime() && at.getTime() < period.end.getTime();
}
