/**
 * The configuration model: one zod schema with a doc comment per key (they feed docs/configuration.md).
 * Strict objects everywhere, so a misspelt key is an error that names it, never silently ignored.
 */
import { z } from "zod";
import { IMPACTS, TIERS } from "./labels.js";

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM (24-hour)");
const partnerId = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "expected a partner id in capitals, e.g. TNO or P4ALL");
const teamSlug = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/i, "expected a team slug such as duet-atc (no @ or org)");
const tier = z.enum(TIERS);

export const HolidaysSchema = z.strictObject({
  /** ISO 3166 country whose public holidays close the team (date-holidays), e.g. `GR`. Omit for none. */
  country: z.string().regex(/^[A-Z]{2}$/, "expected a two-letter country code such as BE").optional(),
  /** Optional region or state inside the country, as date-holidays names it (e.g. `BY` in DE). */
  region: z.string().optional(),
  /** Extra closed days in the team's time zone, `YYYY-MM-DD`. */
  extraDates: z.array(localDate).default([]),
  /** Closed periods, inclusive local dates, e.g. `{ from: 2026-12-24, to: 2027-01-01 }`. */
  closures: z.array(z.strictObject({ from: localDate, to: localDate })).default([]),
});

export const PartnerSchema = z.strictObject({
  /** The partner's full name, shown in replies and reports. */
  name: z.string().min(1),
  /** Slug of the partner's GitHub team in the repository's organisation (routing, responders). */
  team: teamSlug,
  /** IANA time zone of the partner's working hours, e.g. `Europe/Brussels`. */
  timeZone: z.string().min(1),
  /** The public holidays and closures that stop the partner's clocks. */
  holidays: HolidaysSchema.default({ extraDates: [], closures: [] }),
});

export const ComponentSchema = z.strictObject({
  /** Human name shown in the issue form and replies. */
  name: z.string().min(1),
  /** Partner ids that own the component; the first one's calendar drives L3 clocks. */
  owners: z.array(partnerId).min(1, "a component needs at least one owner"),
});

export const ConfigSchema = z.strictObject({
  /** Partner id of the desk that runs L1 and L2 (intake, triage, troubleshooting). */
  desk: partnerId,
  /** Partners told when an L3 ticket is solved (the plan: ATC and DV). */
  notifyOnResolution: z.array(partnerId),
  /** Extra team slugs (besides partner teams) whose members may run commands. */
  supportTeams: z.array(teamSlug),
  /** Working week and day, in each partner's own time zone. */
  workingHours: z.strictObject({
    /** ISO weekdays that are working days, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1),
    /** Start of the working day, local time. */
    start: localTime,
    /** End of the working day, local time. */
    end: localTime,
    /** Hours in a working day, used to read `1d` in `/effort` and days in budgets. */
    hoursPerDay: z.number().positive().max(24),
  }),
  /** The partners, by id (capitals): their team, time zone and holidays. Set an id to null to remove it. */
  partners: z.record(partnerId, PartnerSchema),
  /** The components, by kebab-case id (at most 39 characters): name and owner partners. Null removes one. */
  components: z.record(z.string(), ComponentSchema),
  /** Each impact's definition and the tier a new ticket of that impact enters. */
  impacts: z.strictObject(
    Object.fromEntries(
      IMPACTS.map((impact) => [impact, z.strictObject({ tier, description: z.string().min(1) })]),
    ) as Record<(typeof IMPACTS)[number], z.ZodObject<{ tier: typeof tier; description: z.ZodString }>>,
  ),
  /** Each tier's name, who answers it (`desk` or the component's `owners`) and its response target. */
  tiers: z.strictObject(
    Object.fromEntries(
      TIERS.map((t) => [
        t,
        z.strictObject({
          name: z.string().min(1),
          team: z.enum(["desk", "owners"]),
          /** Response target in working hours (a working day is `workingHours.hoursPerDay`). */
          targetHours: z.number().positive(),
        }),
      ]),
    ) as Record<
      (typeof TIERS)[number],
      z.ZodObject<{ name: z.ZodString; team: z.ZodEnum<{ desk: "desk"; owners: "owners" }>; targetHours: z.ZodNumber }>
    >,
  ),
  /** Service-level settings. */
  sla: z.strictObject({
    /** Share of the target after which a warning is posted (0.75 = 75 %). */
    warnAtRatio: z.number().gt(0).lt(1),
  }),
  /** Yearly effort budgets: L1 and L2 in days with the planned incidents; L3 days per partner. */
  budgets: z.strictObject({
    L1: z.strictObject({ days: z.number().nonnegative(), incidents: z.number().int().nonnegative(), hoursPerIncident: z.number().nonnegative() }),
    L2: z.strictObject({ days: z.number().nonnegative(), incidents: z.number().int().nonnegative(), hoursPerIncident: z.number().nonnegative() }),
    L3: z.strictObject({ days: z.record(partnerId, z.number().nonnegative()), incidents: z.number().int().nonnegative() }),
  }),
  /** What support excludes: request types answered `out-of-scope`, and the policy quoted to the reporter. */
  scope: z.strictObject({
    excludedRequestTypes: z.array(z.string().min(1)),
    policy: z.string().min(1),
  }),
  /** Dates (inclusive, YYYY-MM-DD) support is offered; after `end` new reporters are told support has ended. */
  supportWindow: z.strictObject({ start: localDate.optional(), end: localDate.optional() }),
  /** First day of the support year for reports, `MM-DD`. */
  reportYearStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "expected MM-DD"),
  /** The FAQ the desk keeps: file path in the repository and how many entries to suggest. */
  faq: z.strictObject({ path: z.string().min(1), maxSuggestions: z.number().int().min(0).max(10) }),
  /** Optional organisation Projects board mirrored by the app (SPEC §3 "The board"). */
  board: z
    .strictObject({
      /** Organisation that owns the board. */
      owner: z.string().min(1),
      /** The board's number. */
      number: z.number().int().positive(),
      /** Names of the board's fields when they differ from SPEC's; the app creates any that are missing. */
      fields: z
        .strictObject({
          /** Single select L1/L2/L3. Default `Tier`. */
          tier: z.string().min(1).optional(),
          /** Single select low/medium/high. Default `Impact`. */
          impact: z.string().min(1).optional(),
          /** Text: the component id(s). Default `Component`. */
          component: z.string().min(1).optional(),
          /** Text: the partner(s), e.g. "ATC, IMEC". Default `Partner`. */
          partner: z.string().min(1).optional(),
          /** Single select: on track, warning, breached, paused, answered, closed. Default `SLA state`. */
          slaState: z.string().min(1).optional(),
          /** Date: the responsible team's local date of the response deadline. Default `Response due`. */
          responseDue: z.string().min(1).optional(),
        })
        .optional(),
    })
    .optional(),
});

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type Partner = z.output<typeof PartnerSchema>;
export type Component = z.output<typeof ComponentSchema> & { id: string };
