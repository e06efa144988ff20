/** `/help`: lists the commands. Unknown commands get the same list (see registry.ts). */
import { type CommandDefinition, WHO_CAN_USE } from "./command.js";
import { renderHelp } from "./help-text.js";

export const helpCommand: CommandDefinition = {
  name: "help",
  help: {
    name: "help",
    usage: "/help",
    description: "Lists the commands, what each does and who may use them.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/help"],
  },
  decide(_command, { help }) {
    return { ok: true, changes: [], reply: { text: renderHelp(help) } };
  },
};
