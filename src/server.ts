/**
 * `npm start`: the Probot server. Without app credentials it serves Probot's setup page; with them
 * it refuses to run with the insecure default webhook secret outside development.
 */
import { run } from "probot";
import { createApp } from "./app.js";
import { readServerEnv } from "./server-env.js";

const env = readServerEnv(process.env);
if (!env.ok) {
  for (const problem of env.problems) console.error(`duet-support: ${problem.where}: ${problem.message}`);
  process.exit(2);
}

await run(createApp({ sweepIntervalMinutes: env.value.setupMode ? 0 : env.value.sweepIntervalMinutes }));
