/**
 * The Probot app function: wires handlers, HTTP routes and the sweep interval. Decides nothing:
 * every behaviour lives in handlers/ (events), jobs/ (sweeps) and core/ (decisions).
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { createDeps, type Deps } from "./handlers/deps.js";
import { onIssueOpened } from "./handlers/issues-opened.js";
import { startIntervalSweep } from "./jobs/sweep-installations.js";

export interface AppOptions {
  deps?: Partial<Deps>;
  /** Minutes between the server's own sweeps; 0 turns them off (SPEC §3, SWEEP_INTERVAL_MINUTES). */
  sweepIntervalMinutes?: number;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot, _options: ApplicationFunctionOptions) => {
    const deps = createDeps(options.deps);
    app.on("issues.opened", (context) => onIssueOpened(context, deps));

    const minutes = options.sweepIntervalMinutes ?? 0;
    if (minutes > 0) {
      startIntervalSweep(app, { minutes, now: deps.now, calendars: deps.calendars });
      app.log.info(`sweeping SLA clocks every ${minutes} minutes`);
    }
  };
}
