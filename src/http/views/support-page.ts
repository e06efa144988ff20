/**
 * The feedback form: server-rendered, no JavaScript. Every control has a label, groups have a
 * legend, and each error sits beside its field (aria-describedby) with the entered text kept.
 */
import { IMPACTS } from "../../core/config/labels.js";
import { REQUEST_TYPES, WHERE_OPTIONS } from "../../core/intake/form-fields.js";
import type { InputField, Strings } from "../strings.js";
import type { FieldErrors, RawFields } from "../validate-submission.js";
import { esc, page } from "./html.js";

export interface SupportPageModel {
  strings: Strings;
  components: { id: string; name: string }[];
  impacts: Record<(typeof IMPACTS)[number], { description: string }>;
  values: RawFields;
  errors: FieldErrors;
  /** A message above the form (an expired form, a conflict). */
  notice?: string | undefined;
  csrfToken: string;
  idempotencyKey: string;
  retention: { afterCloseDays: number; maxDays: number };
  action: string;
}

export function renderSupportPage(model: SupportPageModel): string {
  const { strings: s, errors } = model;
  const errorFields = (Object.keys(errors) as InputField[]).filter((f) => errors[f]);
  const summary = errorFields.length
    ? `<div class="summary" role="alert" id="error-summary"><p><strong>${esc(s.errorSummary(errorFields.length))}</strong></p><ul>${errorFields
        .map((f) => `<li><a href="#${f === "impact" ? "impact-low" : f}">${esc(s.fields[f].label)}: ${esc(s.errors[errors[f]!])}</a></li>`)
        .join("")}</ul></div>`
    : "";
  const notice = model.notice ? `<p class="summary" role="alert">${esc(model.notice)}</p>` : "";
  const body = `
<h1>${esc(s.pageTitle)}</h1>
<p>${esc(s.intro)}</p>
<p>${esc(s.requiredNote)}</p>
${notice}${summary}
<form method="post" action="${esc(model.action)}">
<input type="hidden" name="csrf" value="${esc(model.csrfToken)}">
<input type="hidden" name="idempotencyKey" value="${esc(model.idempotencyKey)}">
<fieldset>
<legend>${esc(s.requestLegend)}</legend>
${select(model, "component", model.components.map((c) => ({ value: c.id, text: c.name })), true)}
${impactGroup(model)}
${select(model, "requestType", REQUEST_TYPES.map((t) => ({ value: t, text: s.requestTypes[t] })), true)}
${textarea(model, "whatHappened", true)}
${textInput(model, "whenHappened", "text", true)}
${textarea(model, "steps", false)}
${select(model, "where", WHERE_OPTIONS.map((w) => ({ value: w, text: s.where[w] })), false)}
</fieldset>
<fieldset>
<legend>${esc(s.contactLegend)}</legend>
<p class="hint">${esc(s.contactHint)}</p>
${textInput(model, "name", "text", false, "name")}
${textInput(model, "email", "email", false, "email")}
</fieldset>
<div class="hp" aria-hidden="true"><label for="website">${esc(s.honeypotLabel)}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<p class="hint">${esc(s.privacy(model.retention.afterCloseDays, model.retention.maxDays))}</p>
<button type="submit">${esc(s.submit)}</button>
</form>`;
  return page(s.lang, s.pageTitle, body);
}

function labelText(model: SupportPageModel, field: InputField, required: boolean): string {
  const s = model.strings;
  return `${esc(s.fields[field].label)} ${esc(required ? s.required : s.optional)}`;
}

/** Hint and error paragraphs, and the attributes that tie them to the control. */
function describe(model: SupportPageModel, field: InputField): { before: string; attrs: string } {
  const hint = model.strings.fields[field].hint;
  const error = model.errors[field];
  const ids = [hint ? `${field}-hint` : "", error ? `${field}-error` : ""].filter(Boolean);
  const before =
    (hint ? `<p class="hint" id="${field}-hint">${esc(hint)}</p>` : "") +
    (error ? `<p class="error" id="${field}-error">${esc(model.strings.errors[error])}</p>` : "");
  const attrs = (ids.length ? ` aria-describedby="${ids.join(" ")}"` : "") + (error ? ' aria-invalid="true"' : "");
  return { before, attrs };
}

function select(model: SupportPageModel, field: InputField, options: { value: string; text: string }[], required: boolean): string {
  const { before, attrs } = describe(model, field);
  const current = model.values[field] ?? "";
  const opts = [`<option value="">${esc(model.strings.choose)}</option>`]
    .concat(options.map((o) => `<option value="${esc(o.value)}"${o.value === current ? " selected" : ""}>${esc(o.text)}</option>`))
    .join("");
  return `<div class="field"><label for="${field}">${labelText(model, field, required)}</label>${before}<select id="${field}" name="${field}"${required ? " required" : ""}${attrs}>${opts}</select></div>`;
}

function textarea(model: SupportPageModel, field: InputField, required: boolean): string {
  const { before, attrs } = describe(model, field);
  return `<div class="field"><label for="${field}">${labelText(model, field, required)}</label>${before}<textarea id="${field}" name="${field}" rows="6"${required ? " required" : ""}${attrs}>${esc(model.values[field] ?? "")}</textarea></div>`;
}

function textInput(model: SupportPageModel, field: InputField, type: "text" | "email", required: boolean, autocomplete?: string): string {
  const { before, attrs } = describe(model, field);
  const auto = autocomplete ? ` autocomplete="${autocomplete}"` : "";
  return `<div class="field"><label for="${field}">${labelText(model, field, required)}</label>${before}<input type="${type}" id="${field}" name="${field}" value="${esc(model.values[field] ?? "")}"${required ? " required" : ""}${auto}${attrs}></div>`;
}

/** Impact as radio buttons, each with the plan's definition beside it. */
function impactGroup(model: SupportPageModel): string {
  const s = model.strings;
  const error = model.errors.impact;
  const current = model.values.impact ?? "";
  const errorId = error ? "impact-error" : "";
  const radios = IMPACTS.map((impact) => {
    const described = ["impact-hint", `impact-${impact}-desc`, errorId].filter(Boolean).join(" ");
    return `<div class="choice"><input type="radio" id="impact-${impact}" name="impact" value="${impact}" required aria-describedby="${described}"${impact === current ? " checked" : ""}${error ? ' aria-invalid="true"' : ""}> <label for="impact-${impact}">${esc(impact)}</label><p class="hint" id="impact-${impact}-desc">${esc(model.impacts[impact].description)}</p></div>`;
  }).join("");
  return `<fieldset class="field"><legend>${labelText(model, "impact", true)}</legend><p class="hint" id="impact-hint">${esc(s.fields.impact.hint ?? "")}</p>${error ? `<p class="error" id="impact-error">${esc(s.errors[error])}</p>` : ""}${radios}</fieldset>`;
}
