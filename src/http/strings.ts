/**
 * Every word the web form shows, keyed by language. Add a language by adding an object of the same
 * shape to STRINGS; `stringsFor` picks it from the browser's Accept-Language.
 */
import type { FormField, RequestType, WhereOption } from "../core/intake/form-fields.js";

export type ErrorCode = "required" | "tooLong" | "notText" | "unknownComponent" | "unknownImpact" | "unknownRequestType" | "unknownWhere" | "invalidEmail";

export type InputField = FormField | "name" | "email";

export interface Strings {
  lang: string;
  pageTitle: string;
  intro: string;
  requiredNote: string;
  required: string;
  optional: string;
  requestLegend: string;
  contactLegend: string;
  contactHint: string;
  privacy: (retentionDays: number, maxDays: number) => string;
  fields: Record<InputField, { label: string; hint?: string }>;
  choose: string;
  requestTypes: Record<RequestType, string>;
  where: Record<WhereOption, string>;
  submit: string;
  errorSummary: (count: number) => string;
  errors: Record<ErrorCode, string>;
  expired: string;
  conflict: string;
  honeypotLabel: string;
  thanksTitle: string;
  thanksReference: (id: string) => string;
  thanksCreated: (number: number) => string;
  thanksQueued: string;
  thanksMail: string;
  thanksAnother: string;
}

const en: Strings = {
  lang: "en",
  pageTitle: "Ask the DUET support desk",
  intro: "Tell us what went wrong or what you need. The support desk reads every request and answers on working days.",
  requiredNote: "Fields marked (required) must be filled in.",
  required: "(required)",
  optional: "(optional)",
  requestLegend: "Your request",
  contactLegend: "How we can reach you",
  contactHint: "Give an e-mail address if you want to hear when the desk answers and when the request is closed.",
  privacy: (retentionDays, maxDays) =>
    `Your request is published as an issue on GitHub. Your name and e-mail address are not: we keep them only to write to you, and delete them ${retentionDays} days after the request is closed (at most ${maxDays} days after you send it).`,
  fields: {
    component: { label: "Component", hint: "The part of the platform the request is about." },
    impact: { label: "Impact", hint: "How much of the platform is affected." },
    requestType: { label: "Request type" },
    whatHappened: { label: "What happened", hint: "What you did, what you expected and what you saw instead. Markdown is allowed." },
    whenHappened: { label: "When did it happen", hint: "Date and time, as precisely as you can." },
    steps: { label: "Steps to reproduce", hint: "How someone else can make it happen again." },
    where: { label: "Where" },
    name: { label: "Your name" },
    email: { label: "Your e-mail address" },
  },
  choose: "Choose…",
  requestTypes: { bug: "Bug", question: "Question", "feature request": "Feature request", "infrastructure change": "Infrastructure change" },
  where: { portal: "Portal", platform: "Platform", API: "API", other: "Other" },
  submit: "Send request",
  errorSummary: (count) => (count === 1 ? "There is a problem with 1 field." : `There are problems with ${count} fields.`),
  errors: {
    required: "Please fill this in.",
    tooLong: "This is too long; please shorten it.",
    notText: "Expected text.",
    unknownComponent: "Choose one of the listed components.",
    unknownImpact: "Choose low, medium or high.",
    unknownRequestType: "Choose one of the listed request types.",
    unknownWhere: "Choose one of the listed places.",
    invalidEmail: "Enter an e-mail address such as name@example.org.",
  },
  expired: "This form expired or was sent from another site. Your text is kept below: please send it again.",
  conflict: "This request was already sent with different content.",
  honeypotLabel: "Leave this field empty",
  thanksTitle: "Thank you, your request was received",
  thanksReference: (id) => `Your reference is ${id}. Quote it if you contact the desk about this request.`,
  thanksCreated: (number) => `It is now support ticket #${number}.`,
  thanksQueued: "It is queued and will become a support ticket shortly.",
  thanksMail: "If you gave an e-mail address, we will write when the desk answers and when the request is closed.",
  thanksAnother: "Send another request",
};

export const STRINGS: Record<string, Strings> = { en };
export const DEFAULT_LANGUAGE = "en";

/** The best language the browser asks for that we have, else English. */
export function stringsFor(acceptLanguage: string | undefined): Strings {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", q = "q=1"] = part.trim().split(";");
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: Number(q.split("=")[1] ?? 1) || 0 };
    })
    .filter((entry) => entry.lang && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of wanted) if (STRINGS[lang]) return STRINGS[lang];
  return STRINGS[DEFAULT_LANGUAGE]!;
}
