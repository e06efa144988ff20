/**
 * Who answers a ticket in each tier, and on whose calendar: the desk for L1/L2, the component's
 * owners for L3 (SPEC §2). Shared by the sweep, the commands and the reports.
 */
import { componentOfLabel, type Tier } from "../config/labels.js";
import { findComponent, responsiblePartners } from "../config/model.js";
import type { Component, Config } from "../config/schema.js";
import { type Owner, type OwnerRule, ownersOf } from "../routing/support-owners.js";

export interface Responsibility {
  /** Partner ids answering the tier; the first one's calendar runs the clock. */
  partners: string[];
  /** Teams and people to notify: SUPPORT_OWNERS owners for the component's tier, or the desk's team. */
  owners: Owner[];
}

export function componentOf(config: Pick<Config, "components">, labels: string[]): Component | undefined {
  for (const label of labels) {
    const id = componentOfLabel(label);
    if (id) return findComponent(config, id);
  }
  return undefined;
}

export function responsibilityFor(
  config: Pick<Config, "tiers" | "desk" | "partners">,
  ownerRules: OwnerRule[],
  org: string,
  tier: Tier,
  component: Component | undefined,
): Responsibility {
  const partners = responsiblePartners(config, tier, component);
  const isDesk = config.tiers[tier].team === "desk" || !component;
  const owners: Owner[] = isDesk
    ? [{ kind: "team", org, slug: config.partners[config.desk]!.team }]
    : ownersOf(ownerRules, component.id);
  return {
    partners,
    owners: owners.length > 0 ? owners : partners.map((id) => ({ kind: "team", org, slug: config.partners[id]!.team })),
  };
}
