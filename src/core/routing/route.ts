/**
 * Where a request goes: impact → tier (SPEC §2: new issues enter L1, high impact enters L3),
 * component → owner partners and their teams (SUPPORT_OWNERS), tier → the partner whose clock runs.
 */
import type { Impact, Tier } from "../config/labels.js";
import { responsiblePartners } from "../config/model.js";
import type { Component, Config } from "../config/schema.js";
import { type Owner, type OwnerRule, ownersOf } from "./support-owners.js";

export interface Route {
  tier: Tier;
  impact?: Impact;
  component?: Component;
  /** Partners owning the component (its `partner:` labels). */
  partners: string[];
  /** Who works the ticket: the SUPPORT_OWNERS owners of the component. */
  owners: Owner[];
  /** The partner whose working hours and team answer the current tier (the first responsible one). */
  responsiblePartner: string;
}

export function tierForImpact(config: Pick<Config, "impacts">, impact: Impact | undefined): Tier {
  return impact ? config.impacts[impact].tier : "L1";
}

export function routeRequest(
  config: Pick<Config, "impacts" | "tiers" | "desk">,
  rules: OwnerRule[],
  request: { impact?: Impact; component?: Component },
  tier: Tier = tierForImpact(config, request.impact),
): Route {
  const { component, impact } = request;
  return {
    tier,
    ...(impact && { impact }),
    ...(component && { component }),
    partners: component ? component.owners : [],
    owners: component ? ownersOf(rules, component.id) : [],
    responsiblePartner: responsiblePartners(config, tier, component)[0]!,
  };
}

/** The desk's own team, mentioned so ATC still sees what goes straight to L3. */
export function deskTeam(config: Pick<Config, "desk" | "partners">, org: string): Owner {
  return { kind: "team", org, slug: config.partners[config.desk]!.team };
}

export interface Candidate {
  login: string;
  /** Open support issues already assigned to this person. */
  openAssignments: number;
}

/** The candidate with the fewest open support issues; ties go to the first login alphabetically. */
export function chooseAssignee(candidates: Candidate[]): string | undefined {
  const sorted = [...candidates].sort(
    (a, b) => a.openAssignments - b.openAssignments || a.login.localeCompare(b.login),
  );
  return sorted[0]?.login;
}
