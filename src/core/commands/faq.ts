/** `/faq`: proposes the ticket as a FAQ entry; the text after the command is the answer. */
import { type CommandDefinition, WHO_CAN_USE } from "./command.js";

export const faqCommand: CommandDefinition = {
  name: "faq",
  help: {
    name: "faq",
    usage: "/faq [answer]",
    description:
      "Proposes the ticket as a FAQ entry: the app opens a pull request adding it to the FAQ. " +
      "The rest of the comment after `/faq` (on its line and below) is the answer; without one, the desk writes it in the pull request.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/faq\nClear the browser cache, then sign in again: the dashboard keeps an old session token."],
  },
  decide(command) {
    return { ok: true, changes: [{ kind: "propose-faq", ...(command.text && { answer: command.text }) }] };
  },
};
