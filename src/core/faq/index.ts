/** Public API of the FAQ: the file format (parse, render, append) and the ranking of entries for a ticket. */
export { type FaqEntry, type NewFaqEntry, DEFAULT_FAQ_TITLE, parseFaq, renderFaqEntry, appendFaqEntry, faqAnchor } from "./faq-file.js";
export { type FaqSuggestion, type RankOptions, DEFAULT_FAQ_THRESHOLD, DEFAULT_FAQ_MIN_SHARE_OF_BEST, rankFaq } from "./rank-faq.js";
export { ticketSearchText } from "./ticket-terms.js";
