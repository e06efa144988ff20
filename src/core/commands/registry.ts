/**
 * The commands, in the order /help lists them, and the loop that decides a comment's commands in
 * order, each seeing the ticket as the earlier ones left it. Authorisation is the handler's.
 */
import type { CommandContext, CommandDefinition, CommandHelp, CommandOutcome, ParsedCommand, TicketChange } from "./command.js";
import { commandProblem } from "./command.js";
import { componentCommand } from "./component.js";
import { effortCommand } from "./effort.js";
import { escalateCommand } from "./escalate.js";
import { faqCommand } from "./faq.js";
import { helpCommand } from "./help.js";
import { renderHelp } from "./help-text.js";
import { impactCommand } from "./impact.js";
import { inScopeCommand } from "./in-scope.js";
import { type LabelDiff, labelDiff } from "./label-diff.js";
import { outOfScopeCommand } from "./out-of-scope.js";
import { parseCommands } from "./parse-commands.js";
import { pauseCommand } from "./pause.js";
import { resumeCommand } from "./resume.js";
import { tierCommand } from "./tier.js";
import { type TicketState, applyChanges } from "./ticket-state.js";

export const COMMANDS: readonly CommandDefinition[] = [
  tierCommand,
  impactCommand,
  componentCommand,
  escalateCommand,
  pauseCommand,
  resumeCommand,
  effortCommand,
  faqCommand,
  outOfScopeCommand,
  inScopeCommand,
  helpCommand,
];

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.name === name.toLowerCase());
}

/** Every command's help: usage, description, who can use it, examples. */
export function commandHelp(): CommandHelp[] {
  return COMMANDS.map((c) => c.help);
}

/** Unknown names are answered only when written like a command (`/word`, lower case); known names match in any case. */
const COMMAND_LIKE = /^\/[a-z][a-z-]*(\s|$)/;

/**
 * Validates and decides each parsed command in order. A failed command changes nothing; the ones
 * after it still run, on the ticket as the successful ones left it.
 */
export function decideCommands(parsed: readonly ParsedCommand[], ctx: CommandContext): CommandOutcome[] {
  const help = commandHelp();
  let ticket = ctx.ticket;
  let effortIndex = 0;
  const outcomes: CommandOutcome[] = [];
  for (const command of parsed) {
    const definition = findCommand(command.name);
    if (!definition) {
      if (!COMMAND_LIKE.test(command.line)) continue;
      outcomes.push({
        command: command.line,
        ok: false,
        problems: [commandProblem(command.name, `/${command.name} is not a command I know. These are:`)],
        reply: { text: renderHelp(help) },
      });
      continue;
    }
    const decision = definition.decide(command, { ...ctx, ticket, help, effortIndex });
    if (definition === effortCommand) effortIndex += 1;
    if (decision.ok) ticket = applyChanges(ticket, decision.changes);
    outcomes.push({ command: command.line, ...decision });
  }
  return outcomes;
}

/** Every change the comment's successful commands decided, in order. */
export function changesOf(outcomes: readonly CommandOutcome[]): TicketChange[] {
  return outcomes.flatMap((outcome) => (outcome.ok ? outcome.changes : []));
}

export interface CommentDecision {
  outcomes: CommandOutcome[];
  changes: TicketChange[];
  labels: LabelDiff;
  /** The ticket after the changes (fields; labels are in `labels`). */
  ticket: TicketState;
}

/** A comment → everything the handler writes: parse, decide in order, and the one label diff. */
export function decideComment(ctx: CommandContext): CommentDecision {
  const outcomes = decideCommands(parseCommands(ctx.commentBody), ctx);
  const changes = changesOf(outcomes);
  return { outcomes, changes, labels: labelDiff(ctx.ticket, changes, ctx.config), ticket: applyChanges(ctx.ticket, changes) };
}
