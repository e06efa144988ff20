/**
 * How well the FAQ ranking suggests entries for new tickets, on the labelled tickets in bench/faq/
 * (each labelled with the FAQ questions that answer it, or none). Prints precision@3 and friends.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type FaqEntry, parseFaq, rankFaq } from "../src/core/faq/index.js";

interface LabelledTicket {
  id: string;
  title: string;
  body: string;
  /** FAQ questions that answer the ticket; empty when none does. */
  expected: string[];
}

export interface RankingSettings {
  threshold?: number;
  minShareOfBest?: number;
}

const HERE = fileURLToPath(new URL("./faq/", import.meta.url));
const MAX = 3;

export async function loadFaqBench(): Promise<{ entries: FaqEntry[]; tickets: LabelledTicket[] }> {
  const set = JSON.parse(await readFile(`${HERE}questions.json`, "utf8")) as { faq: string; questions: LabelledTicket[] };
  const faq = parseFaq(await readFile(`${HERE}${set.faq}`, "utf8"), `bench/faq/${set.faq}`);
  if (!faq.ok) throw new Error(`bench FAQ is invalid: ${faq.problems.map((p) => `${p.where} ${p.message}`).join("; ")}`);
  const questions = new Set(faq.value.map((e) => e.question));
  for (const t of set.questions) {
    for (const q of t.expected) if (!questions.has(q)) throw new Error(`${t.id} expects "${q}", which is not in the FAQ`);
  }
  return { entries: faq.value, tickets: set.questions };
}

/**
 * precision@3: of the suggestions shown (at most 3 a ticket, above the threshold), the share that
 * answer the ticket. hitRate@3: answerable tickets with a right entry among their suggestions.
 * noSuggestionRate: tickets no entry answers that got no suggestion, as they should.
 */
export function scoreRanking(entries: FaqEntry[], tickets: LabelledTicket[], settings: RankingSettings = {}) {
  let shown = 0;
  let relevantShown = 0;
  let hits = 0;
  let topRight = 0;
  let quietWhenNone = 0;
  const answerable = tickets.filter((t) => t.expected.length > 0);
  for (const ticket of tickets) {
    const suggestions = rankFaq(entries, ticket, { max: MAX, ...settings });
    const right = suggestions.filter((s) => ticket.expected.includes(s.entry.question)).length;
    shown += suggestions.length;
    relevantShown += right;
    if (ticket.expected.length === 0) quietWhenNone += suggestions.length === 0 ? 1 : 0;
    else {
      hits += right > 0 ? 1 : 0;
      topRight += suggestions[0] && ticket.expected.includes(suggestions[0].entry.question) ? 1 : 0;
    }
  }
  const none = tickets.length - answerable.length;
  return {
    tickets: tickets.length,
    answerable: answerable.length,
    noneExpected: none,
    "precision@3": ratio(relevantShown, shown),
    "hitRate@3": ratio(hits, answerable.length),
    top1Accuracy: ratio(topRight, answerable.length),
    noSuggestionRate: ratio(quietWhenNone, none),
    suggestionsPerTicket: ratio(shown, tickets.length),
  };
}

export async function benchFaqRanking(): Promise<Record<string, number | string>> {
  const { entries, tickets } = await loadFaqBench();
  return { faqEntries: entries.length, ...scoreRanking(entries, tickets) };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

// `npx tsx bench/faq-ranking.ts --sweep` prints the figures over a grid, for re-tuning the defaults.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { entries, tickets } = await loadFaqBench();
  if (process.argv.includes("--sweep")) {
    for (const threshold of [0, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8]) {
      for (const minShareOfBest of [0, 0.5, 0.6]) {
        const s = scoreRanking(entries, tickets, { threshold, minShareOfBest });
        console.log(JSON.stringify({ threshold, minShareOfBest, p: s["precision@3"], hit: s["hitRate@3"], none: s.noSuggestionRate, per: s.suggestionsPerTicket }));
      }
    }
  } else console.table(await benchFaqRanking());
}
