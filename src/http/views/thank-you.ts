/** The page a browser gets after a valid post: the reference, and the ticket when it exists already. */
import type { Strings } from "../strings.js";
import { esc, page } from "./html.js";

export interface ThankYouModel {
  strings: Strings;
  id: string;
  issue: { number: number; url: string } | null;
  formPath: string;
}

export function renderThankYou({ strings: s, id, issue, formPath }: ThankYouModel): string {
  const state = issue ? `<p>${esc(s.thanksCreated(issue.number))} <a href="${esc(issue.url)}">${esc(issue.url)}</a></p>` : `<p>${esc(s.thanksQueued)}</p>`;
  return page(
    s.lang,
    s.thanksTitle,
    `<h1>${esc(s.thanksTitle)}</h1>
<p id="reference">${esc(s.thanksReference(id))}</p>
${state}
<p>${esc(s.thanksMail)}</p>
<p><a href="${esc(formPath)}">${esc(s.thanksAnother)}</a></p>`,
  );
}
