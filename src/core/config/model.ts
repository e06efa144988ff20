/**
 * Questions asked of a valid configuration: components in order, owners, targets, the desk.
 * Pure lookups; helpers take only the slice they use.
 */
import type { Tier } from "./labels.js";
import type { Component, Config, Partner } from "./schema.js";

export function listComponents(config: Pick<Config, "components">): Component[] {
  return Object.entries(config.components).map(([id, component]) => ({ id, ...component }));
}

export function findComponent(config: Pick<Config, "components">, id: string): Component | undefined {
  const component = config.components[id];
  return component ? { id, ...component } : undefined;
}

/** Reads a component as a reporter may write it: its id or its name, any case. */
export function matchComponent(config: Pick<Config, "components">, text: string): Component | undefined {
  const wanted = normalise(text);
  return listComponents(config).find((c) => normalise(c.id) === wanted || normalise(c.name) === wanted);
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[`*_]/g, "").replace(/\s+/g, " ");
}

export function partnerOf(config: Pick<Config, "partners">, id: string): Partner {
  const partner = config.partners[id];
  if (!partner) throw new Error(`partner ${id} is not configured (config was validated, so this is a bug)`);
  return partner;
}

export function targetMinutes(config: Pick<Config, "tiers">, tier: Tier): number {
  return Math.round(config.tiers[tier].targetHours * 60);
}

/** The partners answering a tier: the desk, or the component's owners (the first owner leads). */
export function responsiblePartners(config: Pick<Config, "tiers" | "desk">, tier: Tier, component?: Component): string[] {
  if (config.tiers[tier].team === "desk" || !component) return [config.desk];
  return component.owners;
}
