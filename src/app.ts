/**
 * The Probot app function: wires handlers, HTTP routes and the sweep interval. Decides nothing:
 * every behaviour lives in handlers/ (events), jobs/ (sweeps), http/ (the form) and core/ (decisions).
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { createDeps, type Deps } from "./handlers/deps.js";
import { onIssueComment } from "./handlers/issue-comment.js";
import { onIssueClosed } from "./handlers/issues-closed.js";
import { onIssueEdited } from "./handlers/issues-edited.js";
import { onIssueOpened } from "./handlers/issues-opened.js";
import { onIssueReopened } from "./handlers/issues-reopened.js";
import type { WebFormSettings } from "./http/web-form-env.js";
import { startIntervalSweep } from "./jobs/sweep-installations.js";
import { startStoreMaintenance } from "./store/maintenance.js";
import type { Store } from "./store/open-store.js";
import { startWebForm } from "./web-form.js";

export interface AppOptions {
  deps?: Partial<Deps>;
  /** Minutes between the server's own sweeps; 0 turns them off (SPEC §3, SWEEP_INTERVAL_MINUTES). */
  sweepIntervalMinutes?: number;
  /** The app's own store: webhook deliveries, and the web form's outbox and reporters. */
  store?: Store;
  /** The web form's settings; it runs when SUPPORT_REPO is set. */
  webForm?: WebFormSettings;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot, { addHandler }: ApplicationFunctionOptions) => {
    const { store } = options;
    const deps = createDeps({
      ...(store && {
        deliveries: {
          claim: (id: string) => store.claimDelivery(id),
          release: (id: string) => store.releaseDelivery(id),
          complete: (id: string) => store.completeDelivery(id),
        },
      }),
      ...options.deps,
    });
    app.on("issues.opened", (context) => onIssueOpened(context, deps));
    app.on("issues.edited", (context) => onIssueEdited(context, deps));
    app.on("issue_comment.created", (context) => onIssueComment(context, deps));
    app.on("issues.closed", (context) => onIssueClosed(context, deps));
    app.on("issues.reopened", (context) => onIssueReopened(context, deps));

    const minutes = options.sweepIntervalMinutes ?? 0;
    if (minutes > 0) {
      startIntervalSweep(app, { minutes, now: deps.now, calendars: deps.calendars, boards: deps.boards });
      app.log.info(`sweeping SLA clocks every ${minutes} minutes`);
    }

    if (store) startStoreMaintenance(store, { ...(options.webForm && { retention: options.webForm.retention }), now: deps.now, log: app.log.child({ name: "store" }) });

    const webFormRepo = options.webForm?.repo;
    if (store && options.webForm && webFormRepo && addHandler) {
      const form = startWebForm(app, { ...options.webForm, repo: webFormRepo }, store, deps.now);
      addHandler(form.routes);
      if (form.mailer) deps.mailer = form.mailer;
      app.log.info(`web form at /support files issues in ${webFormRepo.owner}/${webFormRepo.repo}`);
    }
  };
}
