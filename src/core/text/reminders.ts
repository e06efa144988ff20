/** The sweep's two notices: a warning at 75 % of the target, a breach notice at 100 %. */
import { formatLocal } from "../calendar/index.js";
import type { Tier } from "../config/labels.js";
import { renderMarker } from "./markers.js";

export interface ReminderFacts {
  key: string;
  tier: Tier;
  assignees: string[];
  teams: string[];
  elapsedWorkingMinutes: number;
  targetMinutes: number;
  dueAt?: Date;
  timeZone: string;
}

export function formatWorkingMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function who(facts: ReminderFacts): string {
  return facts.assignees.length > 0 ? facts.assignees.map((a) => `@${a}`).join(", ") : facts.teams.join(" ");
}

export function renderWarning(facts: ReminderFacts): string {
  const due = facts.dueAt ? formatLocal(facts.dueAt, facts.timeZone) : "when the clock resumes";
  return [
    `:hourglass: **Response due soon** — ${who(facts)}, this ${facts.tier} ticket has used ${formatWorkingMinutes(facts.elapsedWorkingMinutes)} of its ${formatWorkingMinutes(facts.targetMinutes)} response target.`,
    "",
    `Please respond by **${due}**. A comment from the responsible team answers it; labels and assignment do not.`,
    "",
    renderMarker({ kind: "sla-warning", key: facts.key }),
  ].join("\n");
}

export function renderBreachNotice(facts: ReminderFacts & { desk: string }): string {
  const due = facts.dueAt ? ` (due ${formatLocal(facts.dueAt, facts.timeZone)})` : "";
  const notify = [...new Set([...facts.assignees.map((a) => `@${a}`), ...facts.teams, facts.desk])].join(" ");
  return [
    `:rotating_light: **Response target missed** — this ${facts.tier} ticket has had no response from the responsible team within ${formatWorkingMinutes(facts.targetMinutes)} of working time${due}.`,
    "",
    `${notify}: please respond now. The ticket counts as a missed target in the support report.`,
    "",
    renderMarker({ kind: "sla-breach", key: facts.key }),
  ].join("\n");
}
