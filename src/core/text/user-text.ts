/**
 * Text a person wrote, echoed back in one of the app's comments (a quoted command, a wrong form
 * value): one line, mentions, references and HTML neutralised, and never a hidden marker, so nobody
 * can make the app ping people or forge the markers its reports and reminders trust.
 */
import { sanitiseLine, sanitiseMarkdown } from "../intake/sanitise.js";

export function echoUserText(text: string, maxLength = 200): string {
  // Code spans are kept verbatim by the sanitiser; a marker must not survive even there.
  return sanitiseMarkdown(sanitiseLine(text, maxLength)).replace(/<!--/g, "&lt;!--");
}
