/**
 * A ticket's words as the FAQ ranking reads them: markers, links, issue-form headings and filler
 * ("hello", "please", "_No response_") removed, so only what the reporter asks about is matched.
 */

/** Words too common to say what a ticket is about (English function words and support pleasantries). */
const STOP_WORDS = new Set(
  (
    "a about above after again all also am an and any are as at be because been before being below between both but by " +
    "can cannot could did do does doing done down during each else even ever every few for from further get gets got " +
    "had has have having he her here hers him his how i if in into is it its itself just let like ll me more most my " +
    "no nor not now of off on once only or other our ours out over own same she should so some still such than that the " +
    "their theirs them then there these they this those through to too under until up us very was we were what when " +
    "where which while who whom why will with would yet you your yours " +
    "hi hello dear thanks thank regards kind best please hope ok okay someone anyone anything something " +
    "since today yesterday tomorrow morning afternoon evening week month year " +
    "issue problem question help support team request ticket"
  ).split(" "),
);

/** Issue-form section headings and GitHub's placeholder for an empty field carry no meaning of their own. */
const FORM_NOISE = [/^#{1,6}\s.*$/gm, /_No response_/g];

/** The text of a ticket worth matching against FAQ entries. */
export function ticketSearchText(body: string): string {
  let text = body.replace(/<!--[\s\S]*?-->/g, " ").replace(/https?:\/\/\S+/g, " ");
  for (const pattern of FORM_NOISE) text = text.replace(pattern, " ");
  return text;
}

/** Lower-cased terms with stop words and single characters dropped (minisearch's processTerm). */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
}
