/**
 * The support request's sections, in form order (SPEC §3 "Issue forms"). The issue form, the web
 * form and the body parser all read these, so a label is spelled once.
 */
export const FORM_FIELDS = {
  component: "Component",
  impact: "Impact",
  requestType: "Request type",
  whatHappened: "What happened",
  whenHappened: "When did it happen",
  steps: "Steps to reproduce",
  where: "Where",
} as const;

export type FormField = keyof typeof FORM_FIELDS;

export const FORM_FIELD_ORDER: FormField[] = ["component", "impact", "requestType", "whatHappened", "whenHappened", "steps", "where"];

export const REQUEST_TYPES = ["bug", "question", "feature request", "infrastructure change"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const WHERE_OPTIONS = ["portal", "platform", "API", "other"] as const;
export type WhereOption = (typeof WHERE_OPTIONS)[number];

/** Fields a request cannot be triaged without; the rest help but are optional. */
export const REQUIRED_FIELDS: FormField[] = ["component", "impact", "requestType", "whatHappened", "whenHappened"];

/** GitHub writes this for an optional form field left empty. */
export const NO_RESPONSE = "_No response_";
