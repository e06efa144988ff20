/** `/resume`: ends a pause; the clock runs again from where it stopped. */
import { type CommandDefinition, WHO_CAN_USE } from "./command.js";

export const resumeCommand: CommandDefinition = {
  name: "resume",
  help: {
    name: "resume",
    usage: "/resume",
    description: "Ends a pause (removes `status: needs-info` or `status: external`); the response clock runs again.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/resume"],
  },
  decide(_command, { ticket }) {
    if (!ticket.pause) return { ok: true, changes: [], reply: { text: "The clock is not paused; nothing changed." } };
    return { ok: true, changes: [{ kind: "resume" }] };
  },
};
