/**
 * POST /support/requests: JSON from the portal or the browser form. Checks in order: origin, rate,
 * size, type, cross-site token (form), honeypot, fields; then stores the submission (and the
 * reporter's contact) in the outbox and gives it one quick try before answering 202.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderWebFormIssue } from "../../core/intake/render-body.js";
import { type EnqueueResult, type Submission, fingerprintOf, newSubmissionId } from "../../store/outbox.js";
import { type RouteContext, clientAddress, publicStatus, sendJson } from "../context.js";
import { applyCors, isAllowedOrigin, isSameOrigin, requestOrigin } from "../cors.js";
import { isCsrfValid } from "../csrf.js";
import { readBody } from "../read-body.js";
import { type Strings, stringsFor } from "../strings.js";
import { type FieldErrors, type Validation, readRawFields, validateSubmission } from "../validate-submission.js";
import { HTML_HEADERS } from "../views/html.js";
import { renderThankYou } from "../views/thank-you.js";
import { sendForm } from "./get-support-page.js";

const HONEYPOT_FIELD = "website";
const MAX_KEY_LENGTH = 200;

export async function postSupportRequest(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const { deps, limits } = ctx;
  const origin = requestOrigin(req);
  // The form is guarded by its token instead: behind a proxy its Origin may not match our Host.
  const isJson = (req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json");
  if (isJson && origin && !isSameOrigin(req, origin) && !isAllowedOrigin(origin, ctx.origins)) {
    sendJson(res, 403, { error: "origin-not-allowed", message: "This origin may not post support requests." });
    return;
  }
  applyCors(req, res, ctx.origins);
  const rate = ctx.rateLimiter.take(clientAddress(req, limits.trustProxy), deps.now());
  if (!rate.allowed) {
    req.resume();
    sendJson(res, 429, { error: "rate-limited", message: "Too many requests; try again later." }, { "retry-after": String(rate.retryAfterSeconds) });
    return;
  }
  const body = await readBody(req, limits.bodyBytes);
  if (body.kind === "too-large") {
    sendJson(res, 413, { error: "too-large", message: `The request is larger than ${limits.bodyBytes} bytes.` }, { connection: "close" });
    return;
  }
  if (body.kind === "unsupported-type") {
    sendJson(res, 415, { error: "unsupported-type", message: "Send application/json or application/x-www-form-urlencoded." });
    return;
  }
  if (body.kind === "malformed") {
    sendJson(res, 400, { error: "malformed", message: "The body is not a JSON object." });
    return;
  }
  const isBrowser = body.type === "form";
  const strings = stringsFor(req.headers["accept-language"]);
  const { fields, errors: typeErrors } = readRawFields(body.fields);
  const formKey = typeof body.fields.idempotencyKey === "string" ? body.fields.idempotencyKey.slice(0, MAX_KEY_LENGTH) : undefined;
  if (isBrowser && !isCsrfValid(req, body.fields.csrf)) {
    await sendForm(req, res, ctx, 403, { values: fields, errors: {}, notice: strings.expired, idempotencyKey: formKey });
    return;
  }
  if (typeof body.fields[HONEYPOT_FIELD] === "string" && body.fields[HONEYPOT_FIELD] !== "") {
    // Answer as if accepted so the bot learns nothing; store nothing.
    deps.log?.info({ client: "honeypot" }, "web-form post dropped by the honeypot");
    respondAccepted(res, isBrowser, strings, ctx, { id: newSubmissionId(), status: "queued", issue: null });
    return;
  }
  const validation: Validation = Object.keys(typeErrors).length ? { ok: false, errors: typeErrors } : validateSubmission(fields, await deps.config());
  if (!validation.ok) {
    if (isBrowser) await sendForm(req, res, ctx, 400, { values: fields, errors: validation.errors, idempotencyKey: formKey });
    else sendJson(res, 400, { error: "invalid", errors: errorMessages(validation.errors, strings) });
    return;
  }
  const headerKey = req.headers["idempotency-key"];
  const key = (typeof headerKey === "string" && headerKey ? headerKey.slice(0, MAX_KEY_LENGTH) : formKey) || `generated-${randomUUID()}`;
  let result = enqueue(ctx, key, validation);
  if (result.kind === "conflict") {
    if (!isBrowser) {
      sendJson(res, 409, { error: "idempotency-key-reused", message: strings.conflict });
      return;
    }
    // The browser's key came from a form the reporter has since changed: a new request.
    result = enqueue(ctx, `form-${randomUUID()}`, validation);
  }
  const submission = result.kind === "new" ? await tryAtOnce(ctx, result.submission) : result.submission;
  deps.log?.info({ submission: submission.id, status: submission.status, replay: result.kind !== "new" }, "web-form submission accepted");
  respondAccepted(res, isBrowser, strings, ctx, submission);
}

function enqueue(ctx: RouteContext, key: string, validation: Extract<Validation, { ok: true }>): EnqueueResult {
  const { deps } = ctx;
  const id = newSubmissionId();
  const issue = renderWebFormIssue(validation.submission, id, deps.sanitise);
  return deps.store.outbox.enqueue(
    {
      id,
      idempotencyKey: key,
      fingerprint: fingerprintOf([deps.repo, validation.submission, validation.contact]),
      owner: deps.repo.owner,
      repo: deps.repo.repo,
      title: issue.title,
      body: issue.body,
      reporter: validation.contact,
    },
    deps.now(),
  );
}

/** One attempt within `inlineDeliveryMs`; past that the worker carries on and we answer "queued". */
async function tryAtOnce(ctx: RouteContext, submission: Submission): Promise<Pick<Submission, "id" | "status" | "issue">> {
  const { worker, log } = ctx.deps;
  if (!worker || ctx.limits.inlineDeliveryMs <= 0) return submission;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ctx.limits.inlineDeliveryMs)));
  const attempt = worker.deliver(submission.id).catch((error: unknown) => {
    log?.warn({ submission: submission.id, err: String(error) }, "first delivery attempt failed");
    return undefined;
  });
  const delivered = await Promise.race([attempt, timeout]);
  clearTimeout(timer);
  return delivered ?? submission;
}

function respondAccepted(res: ServerResponse, isBrowser: boolean, strings: Strings, ctx: RouteContext, submission: Pick<Submission, "id" | "status" | "issue">): void {
  if (!isBrowser) {
    sendJson(res, 202, publicStatus(submission as Submission), { location: `${ctx.basePath}/requests/${submission.id}` });
    return;
  }
  res.writeHead(202, HTML_HEADERS);
  res.end(renderThankYou({ strings, id: submission.id, issue: submission.issue, formPath: ctx.basePath }));
}

function errorMessages(errors: FieldErrors, strings: Strings): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, strings.errors[code]]));
}
