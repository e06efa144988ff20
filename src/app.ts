/**
 * The Probot app function: wires handlers, HTTP routes and the sweep interval. Decides nothing:
 * every behaviour lives in handlers/ (events) and core/ (decisions).
 */
import type { ApplicationFunction, Probot } from "probot";
import { createDeps, type Deps } from "./handlers/deps.js";
import { onIssueOpened } from "./handlers/issues-opened.js";

export interface AppOptions {
  deps?: Partial<Deps>;
}

export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const deps = createDeps(options.deps);
    app.on("issues.opened", (context) => onIssueOpened(context, deps));
  };
}

export default createApp();
