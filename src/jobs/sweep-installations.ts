/**
 * The server's own sweep (GitHub runs scheduled workflows only on a best-effort basis): every
 * repository of every installation, one after another, never two runs at once. The hidden markers
 * keep it from posting what the workflow's sweep already posted.
 */
import type { Probot } from "probot";
import type { CalendarCache } from "../handlers/deps.js";
import type { BoardCache } from "../github/board.js";
import type { Octokit } from "../github/octokit.js";
import { configLoader } from "../github/repository-files.js";
import { sweepRepository } from "./sweep.js";

export interface IntervalSweep {
  /** Runs one sweep now unless one is running; resolves when it ends. */
  runOnce(): Promise<void>;
  stop(): void;
}

export interface IntervalSweepOptions {
  minutes: number;
  now: () => Date;
  calendars: CalendarCache;
  /** Shared with the handlers, so an unreachable board is asked again only after its rest. */
  boards?: BoardCache;
}

export function startIntervalSweep(app: Probot, options: IntervalSweepOptions): IntervalSweep {
  let running: Promise<void> | undefined;
  const runOnce = () => {
    running ??= sweepInstallations(app, options).finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.minutes * 60_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}

async function sweepInstallations(app: Probot, options: IntervalSweepOptions): Promise<void> {
  const log = app.log.child({ name: "sweep" });
  try {
    const appOctokit = await app.auth();
    const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
    for (const installation of installations) {
      const octokit = (await app.auth(installation.id)) as Octokit;
      const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
      for (const { owner, name } of repos) {
        const repo = { owner: owner.login, repo: name };
        try {
          const result = await sweepRepository({
            octokit,
            repo,
            loadConfig: configLoader(octokit, repo),
            now: options.now(),
            calendars: options.calendars,
            ...(options.boards && { boards: options.boards }),
            log,
          });
          if (result.ok) log.info({ repo: `${repo.owner}/${repo.repo}`, issues: result.rows.length, warnings: result.warningsPosted, breaches: result.breachesPosted, requests: result.requests }, "swept");
          else log.error({ repo: `${repo.owner}/${repo.repo}`, problems: result.problems }, "invalid duet-support configuration; not swept");
        } catch (error) {
          // One repository's failure must not stop the others; the next interval tries again.
          log.error({ err: error, repo: `${repo.owner}/${repo.repo}` }, "sweep failed");
        }
      }
    }
  } catch (error) {
    log.error({ err: error }, "sweep could not list installations");
  }
}
