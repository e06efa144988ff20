/** `/out-of-scope`: marks the ticket outside the plan (new functionality, infrastructure); no clock runs on it. */
import { type CommandDefinition, WHO_CAN_USE } from "./command.js";

export const outOfScopeCommand: CommandDefinition = {
  name: "out-of-scope",
  help: {
    name: "out-of-scope",
    usage: "/out-of-scope",
    description:
      "Marks the ticket out of scope (support excludes new functionality and infrastructure updates): " +
      "adds `out-of-scope` and removes its tier, so no response clock runs. `/in-scope` undoes it.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/out-of-scope"],
  },
  decide(_command, { ticket }) {
    if (ticket.isOutOfScope) return { ok: true, changes: [], reply: { text: "The ticket is already out of scope; nothing changed." } };
    return { ok: true, changes: [{ kind: "out-of-scope" }] };
  },
};
