/**
 * A support year of tickets → the figures ATC reviews: volumes per tier against the plan pro rata,
 * SLA compliance, time to first response, open breaches, effort against budgets, out-of-scope count.
 * Pure: tickets arrive already read and their clocks already derived; rendering lives beside it.
 */
import { TIERS, type Impact, type Tier } from "../config/labels.js";
import type { Config } from "../config/schema.js";
import { type EffortLine, effortAgainstBudgets } from "./effort-budget.js";
import { median, nearestRankPercentile } from "./percentiles.js";
import { round } from "./rounding.js";
import { elapsedShare, isInYear, supportYear } from "./support-year.js";

export interface ReportClock {
  tier: Tier;
  /** true: answered in time; false: answered late, or unanswered past its target; undefined: not decided yet. */
  met?: boolean;
  state: string;
  firstResponseWorkingMinutes?: number;
  /** The clock is past its target with no response and the ticket is still open. */
  breachedOpen: boolean;
}

export interface ReportEffort {
  partner: string;
  tier: Tier;
  minutes: number;
  /** When the effort was logged; effort counts in the support year it was logged in. */
  at: Date;
}

/** A GitHub issue as the report sees it (the gateway reads it, the clocks module derives `clocks`). */
export interface ReportTicket {
  number: number;
  title: string;
  createdAt: Date;
  closedAt?: Date;
  state: "open" | "closed";
  /** Every tier the ticket has been in. */
  tiersEntered: Tier[];
  finalTier?: Tier;
  impact?: Impact;
  component?: string;
  partners: string[];
  outOfScope: boolean;
  clocks: ReportClock[];
  effort: ReportEffort[];
}

export type ReportConfig = Pick<Config, "budgets" | "workingHours" | "reportYearStart" | "partners">;

export interface SlaCompliance {
  /** Clocks answered within target. */
  met: number;
  /** Clocks answered late or unanswered past target (SPEC §2: they never drop out). */
  missed: number;
  /** Clocks still running within target: left out of the percentage. */
  undecided: number;
  /** met / (met + missed) × 100, one decimal; null when nothing is decided yet. */
  compliancePercent: number | null;
}

export interface ResponseTimes {
  /** Clocks with a first response. */
  answered: number;
  /** In working hours, two decimals; null with no answered clock. */
  medianHours: number | null;
  /** Nearest-rank 90th percentile in working hours; null with no answered clock. */
  p90Hours: number | null;
}

export interface TierFigures {
  tier: Tier;
  /** Tickets created in the year that entered this tier (a ticket counts in every tier it entered). */
  tickets: number;
  /** Incidents the plan expects in a whole year (budgets.<tier>.incidents). */
  planPerYear: number;
  /** planPerYear × elapsed share of the year, one decimal. */
  planProRata: number;
  sla: SlaCompliance;
  firstResponse: ResponseTimes;
}

export interface OpenBreach {
  number: number;
  title: string;
  /** Tiers whose clock is breached and still unanswered. */
  tiers: Tier[];
  component?: string;
  partners: string[];
}

export interface SupportReport {
  year: number;
  start: Date;
  /** First instant after the support year. */
  end: Date;
  generatedAt: Date;
  /** Share of the year elapsed at generatedAt (0..1, four decimals): the pro-rata factor. */
  elapsedShare: number;
  tickets: { total: number; open: number; closed: number; outOfScope: number };
  tiers: TierFigures[];
  openBreaches: OpenBreach[];
  effort: EffortLine[];
}

/** The report for the support year starting at `config.reportYearStart` of `year`, as seen at `now`. */
export function buildReport(tickets: ReportTicket[], config: ReportConfig, year: number, now: Date): SupportReport {
  const period = supportYear(config.reportYearStart, year);
  const share = elapsedShare(period, now);
  const inYear = tickets.filter((t) => isInYear(period, t.createdAt));
  return {
    year,
    start: period.start,
    end: period.end,
    generatedAt: now,
    elapsedShare: round(share, 4),
    tickets: {
      total: inYear.length,
      open: inYear.filter((t) => t.state === "open").length,
      closed: inYear.filter((t) => t.state === "closed").length,
      outOfScope: inYear.filter((t) => t.outOfScope).length,
    },
    tiers: TIERS.map((tier) => tierFigures(inYear, tier, config.budgets[tier].incidents, share)),
    openBreaches: openBreaches(inYear),
    // Effort counts when it was logged, so a ticket from last year still charges this year's budget.
    effort: effortAgainstBudgets(
      tickets.flatMap((t) => t.effort).filter((e) => isInYear(period, e.at)),
      config,
    ),
  };
}

function tierFigures(tickets: ReportTicket[], tier: Tier, planPerYear: number, share: number): TierFigures {
  const clocks = tickets.flatMap((t) => t.clocks).filter((c) => c.tier === tier);
  const minutes = clocks.flatMap((c) => (c.firstResponseWorkingMinutes === undefined ? [] : [c.firstResponseWorkingMinutes]));
  return {
    tier,
    tickets: tickets.filter((t) => t.tiersEntered.includes(tier)).length,
    planPerYear,
    planProRata: round(planPerYear * share, 1),
    sla: compliance(clocks),
    firstResponse: {
      answered: minutes.length,
      medianHours: hours(median(minutes)),
      p90Hours: hours(nearestRankPercentile(minutes, 90)),
    },
  };
}

function compliance(clocks: ReportClock[]): SlaCompliance {
  let met = 0;
  let missed = 0;
  for (const clock of clocks) {
    if (clock.met === true) met++;
    // A breached clock still waiting for its answer is missed even if the caller left `met` open.
    else if (clock.met === false || clock.breachedOpen || clock.state === "breached") missed++;
  }
  const decided = met + missed;
  return { met, missed, undecided: clocks.length - decided, compliancePercent: decided ? round((met / decided) * 100, 1) : null };
}

function openBreaches(tickets: ReportTicket[]): OpenBreach[] {
  return tickets
    .filter((t) => t.state === "open")
    .flatMap((t) => {
      const tiers = TIERS.filter((tier) => t.clocks.some((c) => c.tier === tier && c.breachedOpen));
      if (tiers.length === 0) return [];
      return [{ number: t.number, title: t.title, tiers, ...(t.component && { component: t.component }), partners: t.partners }];
    })
    .sort((a, b) => a.number - b.number);
}

function hours(minutes: number | undefined): number | null {
  return minutes === undefined ? null : round(minutes / 60, 2);
}
