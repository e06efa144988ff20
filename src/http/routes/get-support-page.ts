/** GET /support: the empty form, with a fresh cross-site token in a cookie and a hidden field. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { listComponents } from "../../core/config/model.js";
import type { RouteContext } from "../context.js";
import { csrfCookieHeader, isSecure, newCsrfToken } from "../csrf.js";
import { stringsFor } from "../strings.js";
import type { FieldErrors, RawFields } from "../validate-submission.js";
import { HTML_HEADERS } from "../views/html.js";
import { renderSupportPage } from "../views/support-page.js";

export interface FormState {
  values: RawFields;
  errors: FieldErrors;
  notice?: string | undefined;
  idempotencyKey?: string | undefined;
}

export async function getSupportPage(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  await sendForm(req, res, ctx, 200, { values: {}, errors: {} });
}

/** Renders the form (empty, or again with errors and the entered text) with a new token. */
export async function sendForm(req: IncomingMessage, res: ServerResponse, ctx: RouteContext, status: number, state: FormState): Promise<void> {
  const config = await ctx.deps.config();
  const token = newCsrfToken();
  const html = renderSupportPage({
    strings: stringsFor(req.headers["accept-language"]),
    components: listComponents(config).map((c) => ({ id: c.id, name: c.name })),
    impacts: config.impacts,
    values: state.values,
    errors: state.errors,
    notice: state.notice,
    csrfToken: token,
    // The same key survives an error round trip, so a double click after a fix stays one request.
    idempotencyKey: state.idempotencyKey ?? `form-${randomUUID()}`,
    retention: ctx.retention,
    action: `${ctx.basePath}/requests`,
  });
  res.writeHead(status, { ...HTML_HEADERS, "set-cookie": csrfCookieHeader(token, ctx.basePath, isSecure(req)) });
  res.end(html);
}
