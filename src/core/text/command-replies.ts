/**
 * The app's one reply to a comment's commands: each command line quoted (`> /tier L2`) with its
 * result or its problems, then who was assigned. Also the one polite refusal, and the /faq pull request's text.
 */
import { formatLocal } from "../calendar/index.js";
import type { CommandOutcome, TicketChange } from "../commands/command.js";
import { renderIncidentRecord } from "../commands/incident-record.js";
import { LABELS, PAUSE_LABELS, type Tier } from "../config/labels.js";
import { findComponent } from "../config/model.js";
import type { Config } from "../config/schema.js";
import type { Problem } from "../result.js";
import { echoUserText } from "./user-text.js";
import { renderMarker } from "./markers.js";

/** The clock a command started: when its response is due, on whose calendar. */
export interface Deadline {
  dueAt: Date;
  timeZone: string;
  partner: string;
}

/** What became of `/faq` (the handler opens the pull request before replying). */
export type FaqResult =
  | { kind: "opened"; number: number; url: string }
  | { kind: "exists"; number: number; url: string }
  | { kind: "problems"; problems: Problem[] };

/** Who the re-routing assigned, when a command moved the ticket to other owners. */
export interface RoutingResult {
  assignee?: string;
  /** Chosen but dropped by GitHub (no write access). */
  droppedAssignee?: string;
  /** Owner handles (`@org/team`), mentioned when nobody could be assigned or on escalation. */
  mentions: string[];
  unreadableTeams: string[];
  problems: Problem[];
}

export interface ReplyFacts {
  config: Pick<Config, "tiers" | "components" | "workingHours">;
  deadlines: Partial<Record<Tier, Deadline>>;
  faq?: FaqResult;
  routing?: RoutingResult;
  /** Marker key: the comment answered. */
  key: string;
}

export function renderCommandReply(outcomes: readonly CommandOutcome[], facts: ReplyFacts): string {
  const sections = outcomes.map((outcome) => [`> ${echoUserText(outcome.command)}`, "", ...answer(outcome, facts)].join("\n"));
  const routing = facts.routing ? routingLines(facts.routing) : [];
  return [...sections, ...(routing.length > 0 ? [routing.join("\n")] : []), renderMarker({ kind: "reply", key: facts.key })].join("\n\n");
}

function answer(outcome: CommandOutcome, facts: ReplyFacts): string[] {
  if (!outcome.ok) {
    return [...outcome.problems.map((p) => `:x: ${problemText(p)}`), ...(outcome.reply ? ["", outcome.reply.text] : [])];
  }
  const parts = outcome.reply ? [outcome.reply.text] : outcome.changes.map((c) => acknowledge(c, facts)).filter((t) => t !== "");
  for (const change of outcome.changes) {
    if (change.kind === "escalate") parts.push(renderIncidentRecord(change.record, facts.config));
    if (change.kind === "set-tier" || change.kind === "escalate") {
      const tier = change.kind === "escalate" ? "L3" : change.tier;
      const deadline = facts.deadlines[tier];
      if (deadline) parts.push(deadlineLine(tier, deadline, facts));
    }
    if (change.kind === "propose-faq") parts.push(faqLine(facts.faq));
  }
  if (outcome.reply?.marker) parts.push(outcome.reply.marker);
  return [parts.join("\n\n")];
}

function problemText(problem: Problem): string {
  // A command's own problem already names the command; an incident record's names its section.
  return problem.where.startsWith("/") ? problem.message : `**${problem.where}**: ${problem.message}`;
}

function acknowledge(change: TicketChange, facts: ReplyFacts): string {
  switch (change.kind) {
    case "set-tier":
      return `Moved to **${change.tier}** (${facts.config.tiers[change.tier].name}).`;
    case "set-impact":
      return `Impact set to **${change.impact}**.`;
    case "set-component": {
      const component = findComponent(facts.config, change.component);
      return component
        ? `Component set to **${component.name}** (\`${component.id}\`), owned by ${component.owners.map((o) => `**${o}**`).join(" and ")}.`
        : `Component set to \`${change.component}\`.`;
    }
    case "pause":
      return `The response clock is paused while the ticket waits on ${change.reason === "reporter" ? "the reporter" : "an external service"} (\`${PAUSE_LABELS[change.reason]}\`). \`/resume\` starts it again.`;
    case "resume":
      return "The response clock runs again.";
    case "escalate":
      return "Escalated to **L3** with this incident record:";
    case "out-of-scope":
      return `Marked \`${LABELS.outOfScope}\`: support excludes new functionality and infrastructure updates, so no response clock runs. \`/in-scope\` undoes it.`;
    case "in-scope":
      return "Back in scope.";
    case "log-effort":
    case "propose-faq":
      return "";
  }
}

function deadlineLine(tier: Tier, deadline: Deadline, facts: ReplyFacts): string {
  const hours = facts.config.tiers[tier].targetHours;
  const days = hours / facts.config.workingHours.hoursPerDay;
  const within = hours >= facts.config.workingHours.hoursPerDay && Number.isInteger(days)
    ? `${days} working day${days === 1 ? "" : "s"} (${hours} working hours)`
    : `${hours} working hour${hours === 1 ? "" : "s"}`;
  return `${tier} response due **${formatLocal(deadline.dueAt, deadline.timeZone)}**: **${deadline.partner}** answers within ${within}, public holidays excluded.`;
}

function faqLine(faq: FaqResult | undefined): string {
  if (!faq) return "Proposing FAQ entries is not available yet; nothing changed.";
  switch (faq.kind) {
    case "opened":
      return `Proposed as a FAQ entry in #${faq.number} (${faq.url}). The desk reviews and merges it.`;
    case "exists":
      return `This ticket is already proposed as a FAQ entry in #${faq.number} (${faq.url}); nothing changed.`;
    case "problems":
      return ["No pull request was opened:", ...faq.problems.map((p) => `- ${problemText(p)}`)].join("\n");
  }
}

function routingLines(routing: RoutingResult): string[] {
  const lines: string[] = [];
  if (routing.assignee) lines.push(`Assigned to @${routing.assignee}.`);
  if (routing.droppedAssignee) lines.push(`@${routing.droppedAssignee} could not be assigned: GitHub assigns only people with write access to this repository.`);
  if (routing.unreadableTeams.length > 0) lines.push(`The members of ${routing.unreadableTeams.join(", ")} could not be read, so nobody was assigned automatically.`);
  for (const problem of routing.problems) lines.push(`The ticket could not be re-routed: ${problemText(problem)}`);
  if (routing.mentions.length > 0) lines.push(`cc ${routing.mentions.join(" ")}`);
  return lines;
}

/** The one polite refusal a person gets per issue (the marker is keyed by login). */
export function renderRefusal(login: string): string {
  return [
    `Thank you, @${login}. Commands on support tickets can be used only by people with write access to this repository ` +
      "and by members of the partners' support teams, so nothing was changed. The support desk reads every comment, " +
      "so your message has been seen all the same.",
    "",
    renderMarker({ kind: "refusal", key: login.toLowerCase() }),
  ].join("\n");
}

/** Title, body and commit message of the `/faq` pull request. */
export function faqPullRequestText(facts: { question: string; issueNumber: number; path: string; hasAnswer: boolean }): { title: string; body: string; commitMessage: string } {
  const title = `FAQ: ${facts.question}`.slice(0, 200);
  return {
    title,
    commitMessage: `${title}\n\nProposed from #${facts.issueNumber} with /faq.`,
    body: [
      `Adds the question of #${facts.issueNumber} to \`${facts.path}\`, proposed with \`/faq\`.`,
      "",
      facts.hasAnswer
        ? "Check the answer reads well out of the ticket's context, then merge."
        : "The ticket gave no answer yet: write it under the new heading before merging.",
    ].join("\n"),
  };
}

/** Written under the question when `/faq` had no answer and the desk had not commented yet. */
export function faqPlaceholderAnswer(issueNumber: number): string {
  return `_To be written by the support desk (see #${issueNumber})._`;
}

/** Why `/faq` opened no pull request, when GitHub's answer says so. */
export const FAQ_PROBLEMS = {
  branchExists: (branch: string): Problem => ({
    where: branch,
    message: `the branch \`${branch}\` already exists without an open pull request; delete it and run /faq again`,
  }),
  refused: (what: string, status: number): Problem => ({
    where: "/faq",
    message: `/faq could not finish ${what} (GitHub answered ${status}). The app needs the Contents and Pull requests permissions (read and write) on this repository.`,
  }),
};
