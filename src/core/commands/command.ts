/**
 * The shapes every command shares: what the parser found, what a command sees, what it decides.
 * Decisions are data (changes to make, a reply piece); the handler applies them and authorises.
 */
import type { Impact, PauseReason, Tier } from "../config/labels.js";
import { echoUserText } from "../text/user-text.js";
import type { Config } from "../config/schema.js";
import type { Problem } from "../result.js";
import type { CommandName } from "./command-names.js";
import type { IncidentRecord } from "./incident-record.js";
import type { TicketState } from "./ticket-state.js";

/** One command line found in a comment. */
export interface ParsedCommand {
  /** Lower-cased name without the slash, e.g. `tier`. */
  name: string;
  /** The line as written (trimmed), e.g. `/tier L3`: replies quote it. */
  line: string;
  /** 1-based line number in the comment. */
  lineNumber: number;
  /** The words after the name on the same line. */
  args: string[];
  /** Everything after the name on the same line, trimmed. */
  argText: string;
  /** The comment's text after this line, up to the next command line, trimmed. */
  following: string;
  /** The rest of this line and the lines below it, up to the next command (an incident record, a FAQ answer). */
  text: string;
}

export interface CommandContext {
  config: Config;
  ticket: TicketState;
  /** Login of the person who wrote the comment. */
  actor: string;
  /** Partner ids whose team the actor belongs to, when the handler knows (picks the effort partner). */
  actorPartners?: string[];
  commentId: number;
  commentBody: string;
  now: Date;
}

/** A change to the ticket that a command decided; `labelDiff` turns them into labels. */
export type TicketChange =
  | { kind: "set-tier"; tier: Tier }
  | { kind: "set-impact"; impact: Impact }
  | { kind: "set-component"; component: string }
  | { kind: "pause"; reason: PauseReason }
  | { kind: "resume" }
  | { kind: "log-effort"; minutes: number; partner: string; tier: Tier }
  | { kind: "escalate"; record: IncidentRecord }
  | { kind: "out-of-scope" }
  | { kind: "in-scope" }
  | { kind: "propose-faq"; answer?: string };

/** Markdown a command adds to the app's acknowledgement, with the hidden marker it must carry (effort). */
export interface ReplyPiece {
  text: string;
  marker?: string;
}

export type CommandDecision =
  | { ok: true; changes: TicketChange[]; reply?: ReplyPiece }
  | { ok: false; problems: Problem[]; reply?: ReplyPiece };

/** A decision with the line it answers. A failed command changes nothing. */
export type CommandOutcome = CommandDecision & { command: string };

/** Help for one command, shown by `/help` and written to docs/commands.md (Prow's plugin help). */
export interface CommandHelp {
  name: string;
  usage: string;
  description: string;
  whoCanUse: string;
  examples: string[];
}

/** What a command's `decide` sees: the context, with the ticket as earlier commands in the comment left it. */
export interface DecideContext extends CommandContext {
  /** Every command's help, for `/help`. */
  help: readonly CommandHelp[];
  /** How many `/effort` lines came before this one in the comment (keeps effort markers unique). */
  effortIndex: number;
}

export interface CommandDefinition {
  name: CommandName;
  help: CommandHelp;
  decide(command: ParsedCommand, ctx: DecideContext): CommandDecision;
}

/**
 * Who may run commands. The handler enforces it (collaborator permission or team membership);
 * this sentence is what /help and docs/commands.md say, so keep the two in step.
 */
export const WHO_CAN_USE =
  "People with write access to the repository, and members of a partner's team or of a team listed in `supportTeams`. Anyone else gets one polite refusal and nothing changes.";

/** A problem about a command names the command, so several answers in one reply stay apart. */
export function commandProblem(name: string, message: string): Problem {
  return { where: `/${name}`, message };
}

/** Arguments compared as people type them: `l2`, `High`, ` reporter `. */
export function sameWord(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function quoteArg(text: string): string {
  return `“${echoUserText(text, 80)}”`;
}
