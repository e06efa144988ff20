/**
 * One ticket as read from GitHub (labels and history) → the ReportTicket the report counts: tiers
 * entered, clocks decided at `now`, and effort read back from the app's effort markers. Pure.
 */
import { type ClockRules, deriveClocks, type SlaClock, type TicketHistory } from "../clocks/index.js";
import {
  componentOfLabel,
  impactOfLabel,
  LABELS,
  partnerOfLabel,
  type Tier,
  TIERS,
  tierOfLabel,
} from "../config/labels.js";
import { readMarkers } from "../text/markers.js";
import type { ReportClock, ReportEffort, ReportTicket } from "./build-report.js";

/** What the report needs of a ticket: the gateway's TicketSnapshot fits. */
export interface SnapshotTicket {
  number: number;
  title: string;
  state: "open" | "closed";
  createdAt: Date;
  closedAt?: Date;
  labels: string[];
  history: TicketHistory;
}

export function toReportTicket(ticket: SnapshotTicket, rules: ClockRules, now: Date): ReportTicket {
  const entries = tierEntries(ticket, now);
  const finalTier = entries.filter((entry) => ticket.labels.includes(LABELS.tier(entry.tier))).at(-1)?.tier;
  const impact = firstOf(ticket.labels, impactOfLabel);
  const component = firstOf(ticket.labels, componentOfLabel);
  return {
    number: ticket.number,
    title: ticket.title,
    createdAt: ticket.createdAt,
    ...(ticket.closedAt && { closedAt: ticket.closedAt }),
    state: ticket.state,
    tiersEntered: TIERS.filter((tier) => entries.some((entry) => entry.tier === tier)),
    ...(finalTier && { finalTier }),
    ...(impact && { impact }),
    ...(component && { component }),
    partners: ticket.labels.flatMap((label) => partnerOfLabel(label) ?? []),
    outOfScope: ticket.labels.includes(LABELS.outOfScope),
    clocks: deriveClocks(ticket.history, rules, now).map((clock) => reportClock(clock, ticket.state)),
    effort: effortOf(ticket.history, now),
  };
}

/** Each tier the ticket entered, ordered by its latest entry; the labels it carries now count too,
 * since a long timeline may be cut off before the label event. */
function tierEntries(ticket: SnapshotTicket, now: Date): { tier: Tier; at: number }[] {
  const latest = new Map<Tier, number>();
  for (const event of ticket.history.events) {
    if (event.kind !== "labeled" || event.at > now) continue;
    const tier = tierOfLabel(event.label);
    if (tier) latest.set(tier, Math.max(latest.get(tier) ?? -Infinity, event.at.getTime()));
  }
  for (const label of ticket.labels) {
    const tier = tierOfLabel(label);
    if (tier && !latest.has(tier)) latest.set(tier, ticket.createdAt.getTime());
  }
  return [...latest].map(([tier, at]) => ({ tier, at })).sort((a, b) => a.at - b.at);
}

function reportClock(clock: SlaClock, state: SnapshotTicket["state"]): ReportClock {
  return {
    tier: clock.tier,
    ...(clock.met !== undefined && { met: clock.met }),
    state: clock.state,
    // A clock stops at its first response, so its elapsed working time is the time to respond.
    ...(clock.firstResponseAt && { firstResponseWorkingMinutes: clock.elapsedWorkingMinutes }),
    breachedOpen: state === "open" && clock.state === "breached",
  };
}

/**
 * Effort markers in the app's own comments (a person cannot forge one: only bot comments count),
 * dated by their comment. A key counts once, so a reply posted twice logs its effort once.
 */
function effortOf(history: TicketHistory, now: Date): ReportEffort[] {
  const seen = new Set<string>();
  const effort: ReportEffort[] = [];
  for (const event of history.events) {
    if (event.kind !== "comment" || !event.author.isBot || event.at > now) continue;
    for (const marker of readMarkers(event.body)) {
      if (marker.kind !== "effort" || marker.key === undefined || seen.has(marker.key)) continue;
      const entry = effortEntry(marker.data, event.at);
      if (!entry) continue;
      seen.add(marker.key);
      effort.push(entry);
    }
  }
  return effort;
}

function effortEntry(data: Record<string, unknown> | undefined, at: Date): ReportEffort | undefined {
  const { partner, minutes, tier } = data ?? {};
  if (typeof partner !== "string" || partner === "") return undefined;
  if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes <= 0) return undefined;
  if (!TIERS.includes(tier as Tier)) return undefined;
  return { partner, tier: tier as Tier, minutes, at };
}

function firstOf<T>(labels: string[], read: (label: string) => T | undefined): T | undefined {
  for (const label of labels) {
    const value = read(label);
    if (value !== undefined) return value;
  }
  return undefined;
}
