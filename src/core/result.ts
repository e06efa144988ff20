/**
 * Expected failures travel as values: the core returns a Result and throws only for bugs.
 * A Problem names where it is ("impact", ".github/SUPPORT_OWNERS:12") so users can fix it.
 */
export interface Problem {
  where: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(...problems: Problem[]): Result<T> {
  return { ok: false, problems };
}
