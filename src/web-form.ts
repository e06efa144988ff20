/**
 * Wires the web feedback form (SPEC §3 "HTTP") into the app: the store-backed outbox worker that
 * files submissions as issues in SUPPORT_REPO through the app's installation there, the routes and
 * reporter e-mails. Decides nothing itself.
 */
import type { Probot } from "probot";
import { ProbotOctokit } from "probot";
import { type Config, defaultConfig } from "./core/config/index.js";
import { createIssueCreator } from "./github/create-issue.js";
import { isNotFound, statusOf } from "./github/errors.js";
import type { Octokit, RepoRef } from "./github/octokit.js";
import { configLoader, readRepoConfig } from "./github/repository-files.js";
import { supportRoutes, type NodeHandler } from "./http/support-routes.js";
import type { WebFormSettings } from "./http/web-form-env.js";
import { createReporterMailer, createSmtpTransport, type ReporterMailer } from "./mail/notify-reporter.js";
import type { Store } from "./store/open-store.js";
import { OutboxWorker } from "./store/outbox-worker.js";

const CONFIG_CACHE_MS = 5 * 60_000;
/** After GitHub failed to answer, ask again soon rather than showing the defaults for minutes. */
const CONFIG_RETRY_MS = 30_000;

export interface WebForm {
  routes: NodeHandler;
  mailer?: ReporterMailer;
  stop(): void;
}

export function startWebForm(app: Probot, settings: WebFormSettings & { repo: RepoRef }, store: Store, now: () => Date): WebForm {
  const log = app.log.child({ name: "web-form" });
  const repo = settings.repo;
  let installationId: number | undefined;
  let token: { value: string; renewAt: number } | undefined;
  // A reporter is waiting on every request the form makes: no retries here (the outbox retries with
  // its own backoff), so a GitHub outage answers "queued" at once instead of after Octokit's retries.
  const client = async (): Promise<Octokit> => {
    try {
      return await installationClient();
    } catch (error) {
      // Reinstalled or removed: find the installation again next time rather than failing forever.
      if (isNotFound(error) || statusOf(error) === 401) installationId = token = undefined;
      throw error;
    }
  };
  const installationClient = async (): Promise<Octokit> => {
    const appOctokit = await app.auth();
    const request = { retries: 0 };
    if (installationId === undefined) {
      installationId = (await appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo, request })).data.id;
    }
    if (!token || Date.now() >= token.renewAt) {
      const { data } = await appOctokit.rest.apps.createInstallationAccessToken({ installation_id: installationId, request });
      // Installation tokens last an hour; renew well before.
      token = { value: data.token, renewAt: new Date(data.expires_at).getTime() - 10 * 60_000 };
    }
    const baseUrl = appOctokit.request.endpoint.DEFAULTS.baseUrl;
    return new ProbotOctokit({ auth: { token: token.value }, baseUrl, retry: { enabled: false }, throttle: { enabled: false } }) as Octokit;
  };
  const worker = new OutboxWorker({ outbox: store.outbox, issues: createIssueCreator(client), now, log });
  worker.start();

  let cached: { config: Config; until: number } | undefined;
  const config = async (): Promise<Config> => {
    if (cached && Date.now() < cached.until) return cached.config;
    let value = defaultConfig();
    let keepMs = CONFIG_CACHE_MS;
    try {
      const octokit = await client();
      const result = await readRepoConfig(configLoader(octokit, repo));
      if (result.ok) value = result.value;
      // An invalid file is used for nothing: the form offers the plan's defaults meanwhile.
      else log.error({ problems: result.problems }, "invalid duet-support configuration; the form shows the defaults");
    } catch (error) {
      log.warn({ err: (error as Error).message }, "could not read the configuration; the form shows the defaults");
      keepMs = CONFIG_RETRY_MS;
    }
    cached = { config: value, until: Date.now() + keepMs };
    return value;
  };

  const routes = supportRoutes({ store, config, repo, worker, now, origins: settings.allowedOrigins, retention: settings.retention, log });
  const transport = createSmtpTransport(settings.smtpUrl);
  const mailer = transport ? createReporterMailer({ store, transport, from: settings.smtpFrom, now, log }) : undefined;
  return {
    routes,
    ...(mailer && { mailer }),
    stop: () => worker.stop(),
  };
}
