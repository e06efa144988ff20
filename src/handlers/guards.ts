/** Reasons to do nothing, as named predicates (checked before any read). */
import { hasMarker } from "../core/text/markers.js";

interface Sender {
  login: string;
  type?: string;
}

export function isBot(sender: Sender | null | undefined): boolean {
  return !sender || sender.type === "Bot" || sender.login.endsWith("[bot]");
}

/** Issues the app itself opens for its own use (the support dashboard) are not support requests. */
export function isAppOwnIssue(body: string | null | undefined): boolean {
  return hasMarker(body, "reply", "dashboard") || hasMarker(body, "triage", "dashboard");
}

/** The web form files issues as the app (a bot); those are support requests all the same. */
export function isWebFormIssue(body: string | null | undefined): boolean {
  return /<!--\s*duet-support:web-form\b/.test(body ?? "");
}
