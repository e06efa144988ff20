/**
 * `npm start`: the Probot server. Without app credentials it serves Probot's setup page; with them
 * it refuses to run with the insecure default webhook secret outside development.
 */
import { existsSync } from "node:fs";
import { run } from "probot";
import { createApp } from "./app.js";
import { readServerEnv } from "./server-env.js";
import { openStore } from "./store/open-store.js";

// Probot's setup page writes the app's credentials to .env; read it before judging the environment
// (variables already set in the environment win, as with Probot's own loading).
if (existsSync(".env")) process.loadEnvFile(".env");
const env = readServerEnv(process.env);
if (!env.ok) {
  for (const problem of env.problems) console.error(`duet-support: ${problem.where}: ${problem.message}`);
  process.exit(2);
}

const { setupMode, sweepIntervalMinutes, webForm } = env.value;
// Setup mode (no credentials yet) serves Probot's setup page only: no store, no sweep, no form.
const store = setupMode ? undefined : openStore(webForm.databasePath);
await run(createApp({ sweepIntervalMinutes: setupMode ? 0 : sweepIntervalMinutes, ...(store && { store }), webForm }));
