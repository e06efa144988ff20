/**
 * Opens the organisation's Projects board for the mirror: reads its fields once per process (and
 * cache period), creates missing fields and options once with a log line, and remembers a board it
 * cannot reach for a while, so a missing permission is reported once and never retried in a loop.
 */
import {
  type BoardFieldKey,
  type BoardFieldKind,
  type BoardFieldSpec,
  type ExistingField,
  type OptionColor,
  boardFieldSpecs,
  boardGaps,
  findField,
} from "../core/board/index.js";
import { BOARD_FIELDS_QUERY, type FieldSetup, setupFieldsMutation } from "./board-queries.js";
import { asUnavailable, statusOf } from "./errors.js";
import type { Octokit } from "./octokit.js";

export interface BoardRef {
  /** The organisation that owns the board. */
  owner: string;
  number: number;
  /** Field names when they differ from SPEC's (`board.fields`). */
  fields?: Partial<Record<BoardFieldKey, string>>;
}

export interface BoardField {
  id: string;
  name: string;
  kind: BoardFieldKind;
  /** Our option name (L1, "on track", …) → the board's option id. */
  optionIds: Record<string, string>;
}

export interface Board {
  ref: BoardRef;
  projectId: string;
  title: string;
  /** Every field, except in a dry run that found some missing. */
  fields: Partial<Record<BoardFieldKey, BoardField>>;
  /** What opening the board created (or, in a dry run, would create), for the run's summary. */
  setUp: string[];
}

export interface BoardUnreachable {
  ok: false;
  reason: string;
  /** True only the first time this process meets the problem: report it then, and only then. */
  isNew: boolean;
}

export type BoardAccess = { ok: true; board: Board } | BoardUnreachable;

/** Probot's logger (pino) and a console-like logger both fit. */
export interface BoardLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

// The errors GitHub gives for a board the app cannot reach; anything else is not the board's fault.
const NOT_ACCESSIBLE = /resource not accessible by integration/i;

interface GqlError {
  type?: string;
  message?: string;
  path?: (string | number)[];
}

/** Why the board is out of reach, or undefined when `error` is some other failure. */
export function unreachableReason(error: unknown): string | undefined {
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors)) {
    for (const e of errors as GqlError[]) {
      // A missing repository or issue is the caller's problem, not the board's.
      if (e.path?.[0] === "repository" && e.path.length <= 2) continue;
      if (NOT_ACCESSIBLE.test(e.message ?? "") || e.type === "FORBIDDEN" || e.type === "INSUFFICIENT_SCOPES") {
        return `the app may not use the organisation's projects (GitHub: "${e.message ?? e.type}"); it needs the Organization projects permission`;
      }
      if (e.type === "NOT_FOUND") return `GitHub cannot find the board or the app cannot see it (GitHub: "${e.message ?? e.type}"); is the app installed on the organisation?`;
    }
  }
  const status = statusOf(error);
  if ((status === 403 || status === 401) && NOT_ACCESSIBLE.test((error as Error).message ?? "")) {
    return `the app may not use the organisation's projects (GitHub: "${(error as Error).message}")`;
  }
  return undefined;
}

const BOARD_CACHE_MS = 10 * 60_000;
const RETRY_UNREACHABLE_MS = 60 * 60_000;

export class BoardCache {
  private readonly boards = new Map<string, { board: Board; readAt: number }>();
  private readonly unreachable = new Map<string, { reason: string; at: number }>();

  constructor(
    private readonly clock: () => number = Date.now,
    /** How long a board that could not be reached is left alone (an hour). */
    private readonly retryUnreachableMs = RETRY_UNREACHABLE_MS,
  ) {}

  /** The board, read and set up once per cache period; a dry run creates nothing. */
  async open(octokit: Octokit, ref: BoardRef, log: BoardLog, options: { dryRun?: boolean } = {}): Promise<BoardAccess> {
    const key = keyOf(ref);
    const known = this.unreachable.get(key);
    if (known && this.clock() - known.at < this.retryUnreachableMs) return { ok: false, reason: known.reason, isNew: false };
    const cached = this.boards.get(key);
    if (cached && this.clock() - cached.readAt < BOARD_CACHE_MS) return { ok: true, board: cached.board };
    try {
      const opened = await openBoard(octokit, ref, log, options.dryRun ?? false);
      if (!opened.ok) return this.markUnreachable(ref, opened.reason, log);
      if (!options.dryRun) this.boards.set(key, { board: opened.board, readAt: this.clock() });
      return opened;
    } catch (error) {
      const reason = unreachableReason(error);
      if (reason) return this.markUnreachable(ref, reason, log);
      throw asUnavailable(error, "reading the board");
    }
  }

  /** Remembers a board out of reach; logs it the first time. */
  markUnreachable(ref: BoardRef, reason: string, log: BoardLog): BoardUnreachable {
    const key = keyOf(ref);
    const known = this.unreachable.get(key);
    const isNew = !known || this.clock() - known.at >= this.retryUnreachableMs;
    if (isNew) {
      this.unreachable.set(key, { reason, at: this.clock() });
      this.boards.delete(key);
      log.warn({ board: key, retryInMinutes: Math.round(this.retryUnreachableMs / 60_000) }, `board ${key} cannot be reached: ${reason}`);
    }
    return { ok: false, reason: known && !isNew ? known.reason : reason, isNew };
  }

  /** Drops a cached board, e.g. after a write found a field or option gone. */
  forget(ref: BoardRef): void {
    this.boards.delete(keyOf(ref));
  }
}

function keyOf(ref: BoardRef): string {
  return `${ref.owner}/${ref.number}`.toLowerCase();
}

interface GqlField {
  __typename: string;
  id: string;
  name: string;
  dataType: string;
  options?: { id: string; name: string; color: OptionColor; description: string }[];
}

interface GqlBoard {
  organization: { projectV2: { id: string; title: string; fields: { nodes: (GqlField | null)[] } } | null } | null;
}

function existingOf(field: GqlField): ExistingField {
  const kind: ExistingField["kind"] =
    field.dataType === "SINGLE_SELECT" ? "singleSelect" : field.dataType === "TEXT" ? "text" : field.dataType === "DATE" ? "date" : "other";
  return { id: field.id, name: field.name, kind, options: field.options ?? [] };
}

const DATA_TYPES: Record<BoardFieldKind, "SINGLE_SELECT" | "TEXT" | "DATE"> = { singleSelect: "SINGLE_SELECT", text: "TEXT", date: "DATE" };

async function openBoard(octokit: Octokit, ref: BoardRef, log: BoardLog, dryRun: boolean): Promise<{ ok: true; board: Board } | { ok: false; reason: string }> {
  const data = await octokit.graphql<GqlBoard>(BOARD_FIELDS_QUERY, { owner: ref.owner, number: ref.number });
  const project = data.organization?.projectV2;
  if (!project) return { ok: false, reason: `the organisation ${ref.owner} has no project number ${ref.number} the app can see` };
  const existing = project.fields.nodes.filter((f): f is GqlField => !!f?.id).map(existingOf);
  const specs = boardFieldSpecs(ref.fields);
  const gaps = boardGaps(existing, specs);
  if (gaps.problems.length) return { ok: false, reason: gaps.problems.map((p) => `${p.where} ${p.message}`).join("; ") };

  const setups: FieldSetup[] = [
    ...gaps.create.map((spec) => ({ create: { name: spec.name, dataType: DATA_TYPES[spec.kind], options: spec.options } })),
    // GitHub has no "add one option": the field's whole list is written, existing options first.
    ...gaps.addOptions.map(({ field, missing }) => ({
      setOptions: { fieldId: field.id, options: [...field.options.map(({ name, color, description }) => ({ name, color, description })), ...missing] },
    })),
  ];
  const setUp = [
    ...gaps.create.map((spec) => `field "${spec.name}" (${describeSpec(spec)})`),
    ...gaps.addOptions.map(({ field, missing }) => `options ${missing.map((o) => `"${o.name}"`).join(", ")} of field "${field.name}"`),
  ];
  let fields = existing;
  if (setups.length && !dryRun) {
    const document = setupFieldsMutation(project.id, setups);
    const answer = await octokit.graphql<Record<string, { projectV2Field: GqlField | null }>>(document.query, document.variables);
    const written = Object.values(answer).flatMap((a) => (a.projectV2Field ? [existingOf(a.projectV2Field)] : []));
    fields = [...existing.filter((f) => !written.some((w) => w.id === f.id)), ...written];
    for (const line of setUp) log.info({ board: keyOf(ref), project: project.title }, `board: created ${line}`);
    if (gaps.addOptions.length) {
      log.warn({ board: keyOf(ref) }, "board: rewriting a field's options may empty that field on existing cards; `duet-support board` refills them");
    }
  }
  return { ok: true, board: { ref, projectId: project.id, title: project.title, fields: boardFieldsFrom(fields, specs), setUp } };
}

function describeSpec(spec: BoardFieldSpec): string {
  return spec.kind === "singleSelect" ? `single select ${spec.options.map((o) => o.name).join(", ")}` : spec.kind;
}

function boardFieldsFrom(existing: readonly ExistingField[], specs: readonly BoardFieldSpec[]): Board["fields"] {
  const fields: Board["fields"] = {};
  for (const spec of specs) {
    const field = findField(existing, spec.name);
    if (!field || field.kind !== spec.kind) continue;
    const optionIds: Record<string, string> = {};
    for (const option of spec.options) {
      const found = field.options.find((o) => o.name.toLowerCase() === option.name.toLowerCase());
      if (found) optionIds[option.name] = found.id;
    }
    fields[spec.key] = { id: field.id, name: field.name, kind: spec.kind, optionIds };
  }
  return fields;
}
