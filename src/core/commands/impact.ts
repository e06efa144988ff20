/** `/impact low|medium|high`: reclassifies the impact; an impact that enters a higher tier moves the ticket up, as triage would. */
import { IMPACTS, TIERS } from "../config/labels.js";
import { tierForImpact } from "../routing/route.js";
import { type CommandDefinition, type TicketChange, WHO_CAN_USE, commandProblem, quoteArg, sameWord } from "./command.js";

export const impactCommand: CommandDefinition = {
  name: "impact",
  help: {
    name: "impact",
    usage: "/impact low|medium|high",
    description:
      "Sets the ticket's impact (low: a user found an issue; medium: a critical functionality is down; " +
      "high: the platform is down). An impact that enters a higher tier moves the ticket there, as triage does " +
      "(by default high impact goes straight to L3); a lower impact never moves it down.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/impact high"],
  },
  decide(command, { ticket, config }) {
    const impact = command.args.length === 1 ? IMPACTS.find((i) => sameWord(i, command.args[0]!)) : undefined;
    if (!impact) {
      const got = command.argText ? `, not ${quoteArg(command.argText)}` : "";
      return { ok: false, problems: [commandProblem("impact", `/impact needs one of low, medium or high${got}.`)] };
    }
    const changes: TicketChange[] = ticket.impact === impact ? [] : [{ kind: "set-impact", impact }];
    const entryTier = tierForImpact(config, impact);
    const movesUp = !ticket.isOutOfScope && (!ticket.tier || TIERS.indexOf(entryTier) > TIERS.indexOf(ticket.tier));
    if (movesUp) changes.push({ kind: "set-tier", tier: entryTier });
    if (changes.length === 0) return { ok: true, changes, reply: { text: `The impact is already ${impact}; nothing changed.` } };
    return movesUp
      ? { ok: true, changes, reply: { text: `A ${impact}-impact ticket enters ${entryTier}, so it moves to ${entryTier}.` } }
      : { ok: true, changes };
  },
};
