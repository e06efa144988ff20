/**
 * `/effort` durations: `1.5h`, `90m`, `1d` (a working day of `workingHours.hoursPerDay` hours),
 * `1h30m`, `1d 2h`. Read into whole minutes; zero, negative, over five working days or unreadable
 * text is a problem, never a guess.
 */
import { type Result, fail, ok } from "../result.js";
import { commandProblem, quoteArg } from "./command.js";

/** Longer work is logged in several entries, so one typo cannot book a month. */
export const MAX_EFFORT_WORKING_DAYS = 5;

const UNIT_MINUTES = { d: "day", h: 60, m: 1 } as const;
type Unit = keyof typeof UNIT_MINUTES;
const unitName: Record<Unit, string> = { d: "days", h: "hours", m: "minutes" };

const PART = /(\d+(?:[.,]\d+)?|[.,]\d+)[ \t]*(days?|d|hours?|hrs?|h|minutes?|mins?|m)(?![a-z])[ \t]*/iy;
const EXAMPLES = "such as `1.5h`, `90m`, `1d` or `1h30m`";

/** Minutes of effort in `text`, counting `1d` as `hoursPerDay` working hours. */
export function parseEffortDuration(text: string, hoursPerDay: number): Result<number> {
  const input = text.trim();
  const problem = (message: string) => fail<number>(commandProblem("effort", message));
  if (!input) return problem(`/effort needs a duration, ${EXAMPLES}.`);
  if (input.startsWith("-")) return problem(`/effort cannot log a negative duration (${quoteArg(input)}).`);
  if (/^\d+(?:[.,]\d+)?$/.test(input)) {
    return problem(`/effort needs a unit after ${quoteArg(input)}: write ${input}h, ${input}m or ${input}d.`);
  }

  let totalMinutes = 0;
  const seen = new Set<Unit>();
  PART.lastIndex = 0;
  while (PART.lastIndex < input.length) {
    const match = PART.exec(input);
    if (!match) return problem(`/effort cannot read ${quoteArg(input)} as a duration; write it ${EXAMPLES}.`);
    const unit = match[2]![0]!.toLowerCase() as Unit;
    if (seen.has(unit)) return problem(`/effort cannot read ${quoteArg(input)}: it gives ${unitName[unit]} twice.`);
    seen.add(unit);
    const amount = Number(match[1]!.replace(",", "."));
    const perUnit = UNIT_MINUTES[unit];
    totalMinutes += amount * (perUnit === "day" ? hoursPerDay * 60 : perUnit);
  }

  const minutes = Math.round(totalMinutes);
  if (minutes <= 0) return problem(`/effort needs a duration of at least one minute, not ${quoteArg(input)}.`);
  const maxMinutes = MAX_EFFORT_WORKING_DAYS * hoursPerDay * 60;
  if (minutes > maxMinutes) {
    return problem(
      `/effort logs at most ${MAX_EFFORT_WORKING_DAYS} working days (${formatEffort(maxMinutes)}) at a time; ` +
        `${quoteArg(input)} is ${formatEffort(minutes)}. Log longer work in several entries.`,
    );
  }
  return ok(minutes);
}

/** Minutes as people read effort: `45 min`, `2 h`, `1 h 30 min`. */
export function formatEffort(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
