/** Whose calendar day the "Response due" date is in: the team answering the ticket's tier (SPEC §2). */
import type { Tier } from "../config/labels.js";
import { responsiblePartners } from "../config/model.js";
import type { Config } from "../config/schema.js";
import { componentOf } from "../reminders/responsibility.js";

export function responsibleTimeZone(config: Pick<Config, "tiers" | "desk" | "partners" | "components">, labels: readonly string[], tier: Tier | null): string {
  const desk = config.partners[config.desk]!.timeZone;
  if (!tier) return desk;
  const partner = responsiblePartners(config, tier, componentOf(config, [...labels]))[0];
  return (partner && config.partners[partner]?.timeZone) ?? desk;
}
