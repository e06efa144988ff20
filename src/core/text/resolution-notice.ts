/**
 * The two notices around closing: the resolution notice when an L3 ticket is solved (seed D5.3:
 * inform ATC and DV), and the short note when a reopened ticket's clock runs again.
 */
import { formatLocal } from "../calendar/index.js";
import type { Tier } from "../config/labels.js";
import { formatEffort } from "../commands/effort-duration.js";
import type { ClockResult, ResolutionSummary } from "../resolution/index.js";
import { renderMarker } from "./markers.js";
import { formatWorkingMinutes } from "./reminders.js";

export interface ResolutionNoticeFacts {
  summary: ResolutionSummary;
  /** Handles of the teams told of every solved L3 ticket, e.g. `@duet/duet-atc`. */
  mentions: string[];
  /** Marker key: the close it reports, so the same close is reported once. */
  key: string;
}

const RESULT: Record<ClockResult, string> = {
  met: "met",
  missed: "**missed**",
  unanswered: "not answered",
};

export function renderResolutionNotice({ summary, mentions, key }: ResolutionNoticeFacts): string {
  const effort =
    summary.effort.length === 0
      ? "No effort was logged with `/effort`."
      : `${formatEffort(summary.totalEffortMinutes)} in total: ${summary.effort.map((e) => `${e.partner} ${formatEffort(e.minutes)} (${e.tier})`).join(", ")}.`;
  return [
    `:white_check_mark: **Resolved.** This L3 ticket was closed as completed.${mentions.length > 0 ? ` ${mentions.join(" ")}: for your information.` : ""}`,
    "",
    `**Time in each tier** (working time): ${summary.timeInTier.map((t) => `${t.tier} ${formatWorkingMinutes(t.workingMinutes)}`).join(" · ") || "none"}`,
    "",
    "| Response clock | Started | First response | Working time used / target | Result |",
    "| --- | --- | --- | --- | --- |",
    ...summary.clocks.map(
      (c) =>
        `| ${c.tier} | ${c.enteredAt.toISOString().slice(0, 16).replace("T", " ")} UTC | ${c.firstResponseAt ? `${c.firstResponseAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "none"} | ${formatWorkingMinutes(c.elapsedWorkingMinutes)} / ${formatWorkingMinutes(c.targetMinutes)} | ${RESULT[c.result]} |`,
    ),
    "",
    `**Effort logged:** ${effort}`,
    "",
    renderMarker({ kind: "resolution", key }),
  ].join("\n");
}

export interface ReopenFacts {
  tier: Tier;
  elapsedWorkingMinutes: number;
  targetMinutes: number;
  dueAt: Date;
  timeZone: string;
  /** Marker key: the reopening it answers. */
  key: string;
}

/** Clocks derive from history, so reopening only needs saying: the unanswered clock runs again. */
export function renderReopenNote(facts: ReopenFacts): string {
  return [
    `The ticket is open again, so its ${facts.tier} response clock runs again (${formatWorkingMinutes(facts.elapsedWorkingMinutes)} of ${formatWorkingMinutes(facts.targetMinutes)} used). ` +
      `Response due **${formatLocal(facts.dueAt, facts.timeZone)}**.`,
    "",
    renderMarker({ kind: "reply", key: facts.key }),
  ].join("\n");
}
