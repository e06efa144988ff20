/**
 * Which FAQ entries to suggest for a new ticket: minisearch (BM25 with prefix and fuzzy matching) over
 * each entry's question and answer, queried with the ticket's title and body. Entries below the
 * threshold are never suggested, so a ticket the FAQ cannot help gets no suggestion at all.
 */
import MiniSearch from "minisearch";
import type { FaqEntry } from "./faq-file.js";
import { processTerm, ticketSearchText } from "./ticket-terms.js";

export interface FaqSuggestion {
  entry: FaqEntry;
  /** Relevance per word of the ticket (see DEFAULT_FAQ_THRESHOLD); higher is better, comparable across tickets. */
  score: number;
}

export interface RankOptions {
  /** At most this many suggestions (the config's `faq.maxSuggestions`). */
  max: number;
  /** Only entries scoring above this are suggested (default DEFAULT_FAQ_THRESHOLD). */
  threshold?: number;
  /** A suggestion after the first must score at least this share of the first (default DEFAULT_FAQ_MIN_SHARE_OF_BEST). */
  minShareOfBest?: number;
}

/**
 * A score is minisearch's (BM25 summed over the matched terms, times the number of terms matched)
 * divided by the number of distinct words in the ticket, so a short ticket and a long one that match
 * equally well score alike, and incidental matches in a long ticket stay low. Both defaults are
 * tuned on the labelled tickets in bench/faq/ (`npm run bench`; figures in docs/faq.md).
 */
export const DEFAULT_FAQ_THRESHOLD = 2.5;
export const DEFAULT_FAQ_MIN_SHARE_OF_BEST = 0.5;

const TITLE_BOOST = 2;
const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];

/**
 * The entries most likely to answer the ticket, best first: at most `max`, each scoring above
 * `threshold` and at least `minShareOfBest` of the best. Builds a small index per call (FAQs are short).
 */
export function rankFaq(entries: FaqEntry[], ticket: { title: string; body: string }, options: RankOptions): FaqSuggestion[] {
  if (entries.length === 0 || options.max <= 0) return [];
  const index = new MiniSearch<FaqEntry & { id: number }>({ fields: ["question", "answer"], processTerm });
  index.addAll(entries.map((entry, id) => ({ ...entry, id })));
  const text = `${ticket.title} ${ticketSearchText(ticket.body)}`;
  const ticketTerms = new Set(tokens(text)).size;
  if (ticketTerms === 0) return [];
  const titleTerms = new Set(tokens(ticket.title));
  const results = index.search(text, {
    boost: { question: 2 },
    prefix: (term) => term.length >= 4,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    boostTerm: (term) => (titleTerms.has(term) ? TITLE_BOOST : 1),
  });
  const threshold = options.threshold ?? DEFAULT_FAQ_THRESHOLD;
  const closeToBest = ((results[0]?.score ?? 0) / ticketTerms) * (options.minShareOfBest ?? DEFAULT_FAQ_MIN_SHARE_OF_BEST);
  return results
    .map((result) => ({ entry: entries[result.id as number] as FaqEntry, score: result.score / ticketTerms }))
    .filter((s) => s.score > threshold && s.score >= closeToBest)
    .slice(0, options.max)
    .map((s) => ({ ...s, score: round(s.score) }));
}

function tokens(text: string): string[] {
  return tokenize(text).flatMap((t) => processTerm(t) ?? []);
}

/** Two decimals are plenty to compare and keep the figures stable across platforms. */
function round(score: number): number {
  return Math.round(score * 100) / 100;
}
