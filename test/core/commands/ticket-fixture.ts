/** A ticket and a command context as the handler would build them, changed only where a test needs it. */
import { defaultConfig } from "../../../src/core/config/parse.js";
import type { CommandContext, CommandOutcome, TicketState } from "../../../src/core/commands/index.js";
import { decideCommands, parseCommands } from "../../../src/core/commands/index.js";

export const config = defaultConfig();
export const NOW = new Date("2026-03-04T10:00:00Z");

export function ticket(overrides: Partial<TicketState> = {}): TicketState {
  return { number: 42, labels: [], isOutOfScope: false, state: "open", author: "reporter", ...overrides };
}

export function context(body: string, overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    config,
    ticket: ticket({ tier: "L2", impact: "medium", component: "message-broker" }),
    actor: "desk-person",
    commentId: 1001,
    commentBody: body,
    now: NOW,
    ...overrides,
  };
}

/** Runs a comment's commands on a ticket, as the handler will. */
export function run(body: string, ticketOverrides?: Partial<TicketState>, overrides: Partial<CommandContext> = {}): CommandOutcome[] {
  const ctx = context(body, { ...overrides, ...(ticketOverrides && { ticket: ticket(ticketOverrides) }) });
  return decideCommands(parseCommands(body), ctx);
}

/** The one outcome of a single-command comment. */
export function runOne(body: string, ticketOverrides?: Partial<TicketState>, overrides: Partial<CommandContext> = {}): CommandOutcome {
  const outcomes = run(body, ticketOverrides, overrides);
  if (outcomes.length !== 1) throw new Error(`expected one outcome, got ${outcomes.length}`);
  return outcomes[0]!;
}

export function problemText(outcome: CommandOutcome): string {
  return outcome.ok ? "" : outcome.problems.map((p) => `${p.where}: ${p.message}`).join("\n");
}
