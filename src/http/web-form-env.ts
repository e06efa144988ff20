/**
 * The web form's environment variables → settings, or problems naming the variable. Takes `env`
 * as an argument (app.ts passes process.env), so nothing here reads the process itself.
 */
import { type Result, type Problem, fail, ok } from "../core/result.js";
import { DEFAULT_DATABASE_PATH } from "../store/open-store.js";
import { DEFAULT_RETENTION, type RetentionPolicy } from "../store/retention.js";
import { parseAllowedOrigins } from "./cors.js";

export interface WebFormSettings {
  /** `SUPPORT_REPO`; undefined turns the form off. */
  repo: { owner: string; repo: string } | undefined;
  databasePath: string;
  retention: RetentionPolicy;
  smtpUrl: string | undefined;
  smtpFrom: string;
  allowedOrigins: string[];
}

export function readWebFormEnv(env: Record<string, string | undefined>): Result<WebFormSettings> {
  const problems: Problem[] = [];
  let repo: WebFormSettings["repo"];
  if (env.SUPPORT_REPO) {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(env.SUPPORT_REPO.trim());
    if (match) repo = { owner: match[1]!, repo: match[2]! };
    else problems.push({ where: "SUPPORT_REPO", message: `expected owner/name, got "${env.SUPPORT_REPO}"` });
  }
  let afterCloseDays = DEFAULT_RETENTION.afterCloseDays;
  if (env.RETENTION_DAYS !== undefined && env.RETENTION_DAYS !== "") {
    afterCloseDays = Number(env.RETENTION_DAYS);
    if (!Number.isInteger(afterCloseDays) || afterCloseDays < 0) {
      problems.push({ where: "RETENTION_DAYS", message: `expected a whole number of days, got "${env.RETENTION_DAYS}"` });
    }
  }
  if (env.SMTP_URL && !/^smtps?:\/\//.test(env.SMTP_URL)) problems.push({ where: "SMTP_URL", message: "expected smtp://… or smtps://…" });
  const allowedOrigins = parseAllowedOrigins(env.SUPPORT_ALLOWED_ORIGINS);
  for (const origin of allowedOrigins) {
    if (origin !== "*" && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push({ where: "SUPPORT_ALLOWED_ORIGINS", message: `"${origin}" is not an origin such as https://portal.example.org` });
    }
  }
  if (problems.length) return fail(...problems);
  return ok({
    repo,
    databasePath: env.DATABASE_PATH || DEFAULT_DATABASE_PATH,
    retention: { afterCloseDays, maxDays: Math.max(DEFAULT_RETENTION.maxDays, afterCloseDays) },
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || "DUET support <no-reply@localhost>",
    allowedOrigins,
  });
}
