/**
 * Every label name the app reads or writes, spelled once (SPEC §3 "Labels").
 * Never build a label string elsewhere: import from here.
 */
export const TIERS = ["L1", "L2", "L3"] as const;
export type Tier = (typeof TIERS)[number];

export const IMPACTS = ["low", "medium", "high"] as const;
export type Impact = (typeof IMPACTS)[number];

export const PAUSE_REASONS = ["reporter", "external"] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const LABELS = {
  tier: (tier: Tier) => `tier: ${tier}`,
  impact: (impact: Impact) => `impact: ${impact}`,
  component: (id: string) => `component: ${id}`,
  partner: (name: string) => `partner: ${name}`,
  slaWarning: "sla: warning",
  slaBreached: "sla: breached",
  needsInfo: "status: needs-info",
  external: "status: external",
  outOfScope: "out-of-scope",
  webForm: "source: web-form",
} as const;

/** The status label that pauses the clock for each pause reason (SPEC §2 "Clock pauses"). */
export const PAUSE_LABELS: Record<PauseReason, string> = {
  reporter: LABELS.needsInfo,
  external: LABELS.external,
};

export const LABEL_PREFIX = {
  tier: "tier: ",
  impact: "impact: ",
  component: "component: ",
  partner: "partner: ",
} as const;

/** Reads `tier: L2` back as "L2"; undefined for any other label. */
export function tierOfLabel(name: string): Tier | undefined {
  return valueOfLabel(name, LABEL_PREFIX.tier, TIERS);
}

export function impactOfLabel(name: string): Impact | undefined {
  return valueOfLabel(name, LABEL_PREFIX.impact, IMPACTS);
}

export function componentOfLabel(name: string): string | undefined {
  return name.startsWith(LABEL_PREFIX.component) ? name.slice(LABEL_PREFIX.component.length).trim() : undefined;
}

export function partnerOfLabel(name: string): string | undefined {
  return name.startsWith(LABEL_PREFIX.partner) ? name.slice(LABEL_PREFIX.partner.length).trim() : undefined;
}

function valueOfLabel<T extends string>(name: string, prefix: string, values: readonly T[]): T | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const value = name.slice(prefix.length).trim();
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export interface LabelDefinition {
  name: string;
  color: string;
  description: string;
}

/** Colour and description of each label the app creates when it is missing (GitHub caps descriptions at 100 chars). */
export function labelDefinition(name: string): LabelDefinition {
  const tier = tierOfLabel(name);
  if (tier) return { name, color: { L1: "c5def5", L2: "7fb3e6", L3: "1d5fa6" }[tier], description: `Support tier ${tier}` };
  const impact = impactOfLabel(name);
  if (impact) {
    const color = { low: "c2e0c6", medium: "fbca04", high: "b60205" }[impact];
    return { name, color, description: `Impact: ${impact} (as assessed by the support desk)` };
  }
  const component = componentOfLabel(name);
  if (component !== undefined) return { name, color: "d4c5f9", description: `Component ${component}`.slice(0, 100) };
  const partner = partnerOfLabel(name);
  if (partner !== undefined) return { name, color: "bfdadc", description: `Owned by partner ${partner}`.slice(0, 100) };
  const fixed: Record<string, Omit<LabelDefinition, "name">> = {
    [LABELS.slaWarning]: { color: "fbca04", description: "Response deadline is close (75 % of the target used)" },
    [LABELS.slaBreached]: { color: "b60205", description: "Response deadline has passed" },
    [LABELS.needsInfo]: { color: "d876e3", description: "Waiting on the reporter: the SLA clock is paused" },
    [LABELS.external]: { color: "f9d0c4", description: "Waiting on an external service: the SLA clock is paused" },
    [LABELS.outOfScope]: { color: "e4e669", description: "Outside the support plan (new functionality or infrastructure)" },
    [LABELS.webForm]: { color: "ededed", description: "Filed through the web feedback form" },
  };
  const known = fixed[name];
  return known ? { name, ...known } : { name, color: "ededed", description: "" };
}
