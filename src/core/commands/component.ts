/** `/component <id>`: reclassifies the component; the partner labels (and so the owner team) follow it. */
import { listComponents, matchComponent } from "../config/model.js";
import { type CommandDefinition, WHO_CAN_USE, commandProblem, quoteArg } from "./command.js";

export const componentCommand: CommandDefinition = {
  name: "component",
  help: {
    name: "component",
    usage: "/component <id>",
    description:
      "Sets the ticket's component (its id, or its name as in the issue form) and re-routes it to the " +
      "component's owners: partner labels, and the assignee in L3.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/component message-broker", "/component Noise Modeller (Athens, Flanders)"],
  },
  decide(command, { ticket, config }) {
    const written = command.argText.replace(/^`|`$/g, "");
    const component = written ? matchComponent(config, written) : undefined;
    if (!component) {
      const ids = listComponents(config).map((c) => `\`${c.id}\``).join(", ");
      const what = written ? `${quoteArg(written)} is not a component` : "/component needs a component id";
      return { ok: false, problems: [commandProblem("component", `${what}. Use one of: ${ids}.`)] };
    }
    if (ticket.component === component.id) {
      return { ok: true, changes: [], reply: { text: `The component is already \`${component.id}\`; nothing changed.` } };
    }
    return { ok: true, changes: [{ kind: "set-component", component: component.id }] };
  },
};
