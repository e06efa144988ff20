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

/**
 * A comment the app posted through a person's token (the CLI with GITHUB_TOKEN): it carries the
 * app's hidden markers and comes from someone with write access. It is no command and no response.
 */
export function isAppCommentByProxy(comment: { body?: string | null; author_association?: string }): boolean {
  return /<!--\s*duet-support:/.test(comment.body ?? "") && ["OWNER", "MEMBER", "COLLABORATOR"].includes(comment.author_association ?? "");
}
