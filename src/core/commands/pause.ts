/** `/pause reporter|external`: stops the clock while the ticket waits on the reporter or an external service. */
import { PAUSE_REASONS } from "../config/labels.js";
import { type CommandDefinition, WHO_CAN_USE, commandProblem, quoteArg, sameWord } from "./command.js";

export const pauseCommand: CommandDefinition = {
  name: "pause",
  help: {
    name: "pause",
    usage: "/pause reporter|external",
    description:
      "Pauses the response clock: `reporter` while waiting for the reporter (label `status: needs-info`), " +
      "`external` while restoration depends on an external connected service (label `status: external`). " +
      "`/resume` starts it again.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/pause reporter", "/pause external"],
  },
  decide(command, { ticket }) {
    const reason = command.args.length === 1 ? PAUSE_REASONS.find((r) => sameWord(r, command.args[0]!)) : undefined;
    if (!reason) {
      const got = command.argText ? `, not ${quoteArg(command.argText)}` : "";
      return { ok: false, problems: [commandProblem("pause", `/pause needs a reason, reporter or external${got}.`)] };
    }
    if (ticket.pause === reason) return { ok: true, changes: [], reply: { text: `The clock is already paused (${reason}); nothing changed.` } };
    return { ok: true, changes: [{ kind: "pause", reason }] };
  },
};
