/** `/in-scope`: brings an out-of-scope ticket back into support, in the tier its impact enters (as triage would). */
import { tierForImpact } from "../routing/route.js";
import { type CommandDefinition, type TicketChange, WHO_CAN_USE } from "./command.js";

export const inScopeCommand: CommandDefinition = {
  name: "in-scope",
  help: {
    name: "in-scope",
    usage: "/in-scope",
    description:
      "Brings an out-of-scope ticket back into support: removes `out-of-scope` and puts the ticket in the tier " +
      "its impact enters (L1, or L3 for high impact), which starts the response clock.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/in-scope"],
  },
  decide(_command, { ticket, config }) {
    if (!ticket.isOutOfScope) return { ok: true, changes: [], reply: { text: "The ticket is already in scope; nothing changed." } };
    const changes: TicketChange[] = [{ kind: "in-scope" }];
    if (!ticket.tier) changes.push({ kind: "set-tier", tier: tierForImpact(config, ticket.impact) });
    return { ok: true, changes };
  },
};
