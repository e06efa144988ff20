/**
 * `/escalate`: L2 → L3 with the incident record written below the command. An incomplete record
 * changes nothing and gets the template back (SPEC §3; seed D5.3, L2's incident template).
 */
import type { Problem } from "../result.js";
import { type CommandDefinition, type TicketChange, WHO_CAN_USE, commandProblem } from "./command.js";
import { completeIncidentRecord, incidentTemplate, parseIncidentRecord } from "./incident-record.js";
import type { TicketState } from "./ticket-state.js";

export const escalateCommand: CommandDefinition = {
  name: "escalate",
  help: {
    name: "escalate",
    usage: "/escalate",
    description:
      "Escalates an L2 ticket to L3 with the incident record, written below the command: `### What happened`, `### When did it happen` and " +
      "`### Nature of the occurrence`, plus `### Component` and `### Impact` unless the ticket already has them. " +
      "The app assigns the component's owner team, starts the L3 clock and posts the record as one comment. " +
      "If a field is missing it answers with the template to fill in and changes nothing.",
    whoCanUse: WHO_CAN_USE,
    examples: [
      [
        "/escalate",
        "### What happened",
        "The noise map of Athens shows no data since the last import.",
        "### When did it happen",
        "2026-03-02 from 10:15 (Europe/Athens), still happening",
        "### Nature of the occurrence",
        "Fault in the model run: the input files arrive, the output is empty. Restarting the job did not help.",
      ].join("\n"),
    ],
  },
  decide(command, ctx) {
    const { ticket, config } = ctx;
    const blocked = whyNotEscalate(ticket);
    if (blocked) return { ok: false, problems: [blocked] };

    const record = completeIncidentRecord(parseIncidentRecord(command.text), ticket, config, { actor: ctx.actor, now: ctx.now });
    if (!record.ok) {
      const template = incidentTemplate(ticket);
      return {
        ok: false,
        problems: record.problems,
        reply: {
          text:
            "Nothing changed. Copy this incident record into a new comment, fill in each section and post it:\n\n" +
            `\`\`\`markdown\n${template}\n\`\`\``,
        },
      };
    }
    const changes: TicketChange[] = [];
    if (record.value.component !== ticket.component) changes.push({ kind: "set-component", component: record.value.component });
    if (record.value.impact !== ticket.impact) changes.push({ kind: "set-impact", impact: record.value.impact });
    changes.push({ kind: "escalate", record: record.value });
    return { ok: true, changes };
  },
};

/** Escalation is the L2 desk's step (seed D5.3): from L2, on an open, in-scope ticket. */
function whyNotEscalate(ticket: TicketState): Problem | undefined {
  const no = (message: string) => commandProblem("escalate", message);
  if (ticket.state === "closed") return no("/escalate works on open tickets; reopen this one first.");
  if (ticket.isOutOfScope) return no("/escalate needs an in-scope ticket; this one is out of scope (use /in-scope first).");
  if (ticket.tier === "L3") return no("/escalate moves a ticket from L2 to L3, and this ticket is already in L3.");
  if (ticket.tier !== "L2") {
    const where = ticket.tier ? `in ${ticket.tier}` : "not in any tier yet";
    return no(`/escalate moves a ticket from L2 to L3, and this ticket is ${where}. Move it to L2 first with /tier L2.`);
  }
  return undefined;
}
