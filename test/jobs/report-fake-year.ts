/**
 * Seeds the fake GitHub with the 52-ticket support year of test/core/reports/seed-year.ts, as GitHub
 * would hold it: tier label events, the desk's answers placed the clock's working minutes after the
 * tier was entered (on the responsible team's calendar), pauses, closes, and the app's effort markers.
 */
import { defaultConfig } from "../../src/core/config/index.js";
import { LABELS, type Tier } from "../../src/core/config/labels.js";
import type { ReportTicket } from "../../src/core/reports/index.js";
import { renderMarker } from "../../src/core/text/markers.js";
import { CalendarCache } from "../../src/handlers/deps.js";
import type { FakeGitHub } from "../fake-github/index.js";
import { stamp } from "../fake-github/seeds.js";

const APP_BOT = "duet-support[bot]";
const DESK = "desk-ana"; // a member of the organisation: write access, so her comments answer
const REPORTER = "city-maria";
const MINUTE_MS = 60_000;

const calendars = new CalendarCache();
const config = defaultConfig();

/** The app's calendar for a clock: the desk's for L1/L2, the component's first owner's for L3. */
function calendarFor(tier: Tier, component: string | undefined) {
  const owner = tier === "L3" && component ? config.components[component]?.owners[0] : undefined;
  return calendars.forPartner(config, owner ?? config.desk);
}

const later = (date: Date, minutes = 1) => new Date(date.getTime() + minutes * MINUTE_MS);

/** Adds one ticket to the fake; the fake numbers issues in the order they are added. */
export function seedTicket(fake: FakeGitHub, owner: string, repo: string, ticket: ReportTicket): number {
  const labels = [
    ...(ticket.finalTier ? [LABELS.tier(ticket.finalTier)] : ticket.tiersEntered.slice(-1).map(LABELS.tier)),
    ...(ticket.impact ? [LABELS.impact(ticket.impact)] : []),
    ...(ticket.component ? [LABELS.component(ticket.component)] : []),
    ...ticket.partners.map(LABELS.partner),
  ];
  const issue = fake.addIssue(owner, repo, { title: ticket.title, user: REPORTER, created_at: ticket.createdAt, labels });
  const label = (event: "labeled" | "unlabeled", name: string, at: Date) =>
    fake.addEvent(owner, repo, issue.number, { event, label: name, actor: APP_BOT, created_at: at });
  let latest = ticket.createdAt;

  let previous: Tier | undefined;
  for (const tier of ticket.tiersEntered) {
    const enteredAt = previous ? later(latest) : ticket.createdAt;
    label("labeled", LABELS.tier(tier), enteredAt);
    if (previous) label("unlabeled", LABELS.tier(previous), enteredAt);
    if (tier === ticket.tiersEntered[0] && ticket.impact) label("labeled", LABELS.impact(ticket.impact), enteredAt);
    latest = enteredAt;
    const clock = ticket.clocks.find((c) => c.tier === tier);
    if (clock?.firstResponseWorkingMinutes !== undefined) {
      const answeredAt = calendarFor(tier, ticket.component).addWorkingMinutes(enteredAt, clock.firstResponseWorkingMinutes);
      fake.addComment(owner, repo, issue.number, { user: DESK, body: "Thanks, here is what to do.", created_at: answeredAt, author_association: "MEMBER" });
      latest = answeredAt;
    } else if (clock?.state === "on track") {
      // Still within target a year later: only a pause keeps a clock there, so it waits on the reporter.
      label("labeled", LABELS.needsInfo, later(enteredAt));
      latest = later(enteredAt);
    }
    previous = tier;
  }
  if (ticket.outOfScope) {
    latest = later(latest);
    label("labeled", LABELS.outOfScope, latest);
    issue.labels.push(fake.addLabel(owner, repo, LABELS.outOfScope).name);
  }
  ticket.effort.forEach((entry, index) => {
    const marker = renderMarker({ kind: "effort", key: `${issue.number}0${index}`, data: { partner: entry.partner, minutes: entry.minutes, tier: entry.tier, by: DESK } });
    fake.addComment(owner, repo, issue.number, { user: APP_BOT, body: `Logged ${entry.minutes} min of ${entry.tier} effort for ${entry.partner}.\n${marker}`, created_at: entry.at });
    if (entry.at > latest) latest = entry.at;
  });
  if (ticket.state === "closed") {
    latest = later(latest, 60);
    fake.addEvent(owner, repo, issue.number, { event: "closed", actor: DESK, created_at: latest, state_reason: "completed" });
    issue.state = "closed";
    issue.state_reason = "completed";
    issue.closed_at = stamp(latest);
  }
  if (stamp(latest) > issue.updated_at) issue.updated_at = stamp(latest);
  return issue.number;
}
