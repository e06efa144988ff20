/**
 * Wires the web feedback form (SPEC §3 "HTTP") into the app: the store-backed outbox worker that
 * files submissions as issues in SUPPORT_REPO through the app's installation there, the routes,
 * reporter e-mails, and the retention purge. Decides nothing itself.
 */
import type { Probot } from "probot";
import { ProbotOctokit } from "probot";
import { type Config, defaultConfig } from "./core/config/index.js";
import { createIssueCreator } from "./github/create-issue.js";
import type { Octokit, RepoRef } from "./github/octokit.js";
import { configLoader, readRepoConfig } from "./github/repository-files.js";
import { supportRoutes, type NodeHandler } from "./http/support-routes.js";
import type { WebFormSettings } from "./http/web-form-env.js";
import { createReporterMailer, createSmtpTransport, type ReporterMailer } from "./mail/notify-reporter.js";
import type { Store } from "./store/open-store.js";
import { OutboxWorker } from "./store/outbox-worker.js";

const CONFIG_CACHE_MS = 5 * 60_000;
const PURGE_EVERY_MS = 60 * 60_000;

export interface WebForm {
  routes: NodeHandler;
  mailer?: ReporterMailer;
  stop(): void;
}

export function startWebForm(app: Probot, settings: WebFormSettings & { repo: RepoRef }, store: Store, now: () => Date): WebForm {
  const log = app.log.child({ name: "web-form" });
  const repo = settings.repo;
  let installationId: number | undefined;
  const installation = async (): Promise<Octokit> => {
    if (installationId === undefined) {
      const appOctokit = await app.auth();
      installationId = (await appOctokit.rest.apps.getRepoInstallation({ owner: repo.owner, repo: repo.repo })).data.id;
    }
    return (await app.auth(installationId)) as Octokit;
  };
  // The outbox retries with its own backoff, so its client retries and throttles nothing itself.
  const outboxClient = async () => {
    const octokit = await installation();
    const { token } = (await octokit.auth({ type: "installation" })) as { token: string };
    return new ProbotOctokit({ auth: { token }, baseUrl: octokit.request.endpoint.DEFAULTS.baseUrl, retry: { enabled: false }, throttle: { enabled: false } });
  };
  const worker = new OutboxWorker({ outbox: store.outbox, issues: createIssueCreator(outboxClient), now, log });
  worker.start();

  let cached: { config: Config; readAt: number } | undefined;
  const config = async (): Promise<Config> => {
    if (cached && Date.now() - cached.readAt < CONFIG_CACHE_MS) return cached.config;
    let value = defaultConfig();
    try {
      const octokit = await installation();
      const result = await readRepoConfig(configLoader(octokit, repo));
      if (result.ok) value = result.value;
      // An invalid file is used for nothing: the form offers the plan's defaults meanwhile.
      else log.error({ problems: result.problems }, "invalid duet-support configuration; the form shows the defaults");
    } catch (error) {
      log.warn({ err: (error as Error).message }, "could not read the configuration; the form shows the defaults");
    }
    cached = { config: value, readAt: Date.now() };
    return value;
  };

  const routes = supportRoutes({ store, config, repo, worker, now, origins: settings.allowedOrigins, retention: settings.retention, log });
  const transport = createSmtpTransport(settings.smtpUrl);
  const mailer = transport ? createReporterMailer({ store, transport, from: settings.smtpFrom, now, log }) : undefined;
  const purge = setInterval(() => {
    const counts = store.purgeExpired(now(), settings.retention);
    store.pruneDeliveries(now());
    log.info({ purged: counts }, "retention purge");
  }, PURGE_EVERY_MS);
  purge.unref();
  return {
    routes,
    ...(mailer && { mailer }),
    stop: () => {
      clearInterval(purge);
      worker.stop();
    },
  };
}
