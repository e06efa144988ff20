/** The server's environment, read once and checked before anything listens. */
import { type Result, fail, ok } from "./core/result.js";
import { readWebFormEnv, type WebFormSettings } from "./http/web-form-env.js";

export interface ServerEnv {
  setupMode: boolean;
  sweepIntervalMinutes: number;
  webForm: WebFormSettings;
}

export function readServerEnv(env: NodeJS.ProcessEnv): Result<ServerEnv> {
  const hasKey = Boolean(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH);
  const setupMode = !env.APP_ID || !hasKey;
  if (env.APP_ID && !/^\d+$/.test(env.APP_ID)) return fail({ where: "APP_ID", message: `expected the app's numeric id, got "${env.APP_ID}"` });
  // Probot silently falls back to the secret "development", which anyone can sign with.
  if (!setupMode && !env.WEBHOOK_SECRET && env.NODE_ENV !== "development") {
    return fail({
      where: "WEBHOOK_SECRET",
      message: "is not set. Set it to the webhook secret of the GitHub App (or NODE_ENV=development for local experiments).",
    });
  }
  const raw = env.SWEEP_INTERVAL_MINUTES;
  const sweepIntervalMinutes = raw === undefined || raw === "" ? 15 : Number(raw);
  if (!Number.isInteger(sweepIntervalMinutes) || sweepIntervalMinutes < 0) {
    return fail({ where: "SWEEP_INTERVAL_MINUTES", message: `expected a whole number of minutes (0 turns the sweep off), got "${raw}"` });
  }
  const webForm = readWebFormEnv(env);
  if (!webForm.ok) return webForm;
  return ok({ setupMode, sweepIntervalMinutes, webForm: webForm.value });
}
