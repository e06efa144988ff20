/** `/tier L1|L2|L3`: moves the ticket to a tier (a new clock starts there). L2 → L3 with a record is `/escalate`. */
import { TIERS } from "../config/labels.js";
import { type CommandDefinition, WHO_CAN_USE, commandProblem, quoteArg, sameWord } from "./command.js";

export const tierCommand: CommandDefinition = {
  name: "tier",
  help: {
    name: "tier",
    usage: "/tier L1|L2|L3",
    description:
      "Moves the ticket to a tier: relabels it, re-routes it and starts that tier's response clock. " +
      "To move an L2 ticket to L3 with the incident record, use `/escalate`.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/tier L2"],
  },
  decide(command, { ticket }) {
    const tier = command.args.length === 1 ? TIERS.find((t) => sameWord(t, command.args[0]!)) : undefined;
    if (!tier) {
      const got = command.argText ? `, not ${quoteArg(command.argText)}` : "";
      return { ok: false, problems: [commandProblem("tier", `/tier needs one of L1, L2 or L3${got}.`)] };
    }
    if (ticket.tier === tier) return { ok: true, changes: [], reply: { text: `The ticket is already in ${tier}; nothing changed.` } };
    return { ok: true, changes: [{ kind: "set-tier", tier }] };
  },
};
