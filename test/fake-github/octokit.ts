/**
 * The client the fake's own tests use: Probot's Octokit with retries and throttling off,
 * as the app's tests configure it.
 */
import { ProbotOctokit } from "probot";

export function octokitFor(baseUrl: string, token = "t") {
  return new ProbotOctokit({ auth: { token }, baseUrl, retry: { enabled: false }, throttle: { enabled: false } });
}
