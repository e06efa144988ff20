/**
 * `/effort <duration>`: logs effort for the partner answering the ticket's tier. The log lives in
 * GitHub itself, as an effort marker in the app's acknowledgement, so reports need no database.
 */
import type { Tier } from "../config/labels.js";
import { findComponent, responsiblePartners } from "../config/model.js";
import type { Config } from "../config/schema.js";
import { renderMarker } from "../text/markers.js";
import { type CommandDefinition, WHO_CAN_USE, commandProblem } from "./command.js";
import { formatEffort, parseEffortDuration } from "./effort-duration.js";

export const effortCommand: CommandDefinition = {
  name: "effort",
  help: {
    name: "effort",
    usage: "/effort <duration>",
    description:
      "Logs effort spent on the ticket, for the partner answering its current tier (L1 and L2: the desk; " +
      "L3: the component's owner you belong to, else its first owner). Durations: `90m`, `1.5h`, `1h30m`, " +
      "`1d` (one working day as configured, 8 h by default); at most 5 working days per entry. " +
      "The reports add these up per partner against the yearly budget.",
    whoCanUse: WHO_CAN_USE,
    examples: ["/effort 1.5h", "/effort 1h30m", "/effort 1d"],
  },
  decide(command, ctx) {
    const { ticket, config } = ctx;
    if (!ticket.tier) {
      const why = ticket.isOutOfScope ? "it is out of scope" : "it has no tier yet";
      return { ok: false, problems: [commandProblem("effort", `/effort is logged against the ticket's tier, and ${why}; set one with /tier first.`)] };
    }
    const minutes = parseEffortDuration(command.argText, config.workingHours.hoursPerDay);
    if (!minutes.ok) return minutes;
    const partner = effortPartner(config, ticket.tier, ticket.component, ctx.actorPartners ?? []);
    // Two /effort lines in one comment need two keys, or a reader keeping one marker per key drops one.
    const key = ctx.effortIndex === 0 ? String(ctx.commentId) : `${ctx.commentId}-${ctx.effortIndex + 1}`;
    const marker = renderMarker({ kind: "effort", key, data: { partner, minutes: minutes.value, tier: ticket.tier, by: ctx.actor } });
    return {
      ok: true,
      changes: [{ kind: "log-effort", minutes: minutes.value, partner, tier: ticket.tier }],
      reply: { text: `Logged ${formatEffort(minutes.value)} of ${ticket.tier} effort for ${partner}.`, marker },
    };
  },
};

/**
 * The partner effort is booked to: whoever answers the tier (L1/L2 the desk; L3 the component's
 * owners), preferring an owner the actor belongs to, else the first.
 */
export function effortPartner(
  config: Pick<Config, "tiers" | "desk" | "components">,
  tier: Tier,
  componentId: string | undefined,
  actorPartners: readonly string[],
): string {
  const component = componentId ? findComponent(config, componentId) : undefined;
  const partners = responsiblePartners(config, tier, component);
  return partners.find((p) => actorPartners.includes(p)) ?? partners[0]!;
}
