/** The command line's help texts, one per command. */
export const COMMANDS = ["sweep", "report", "dashboard", "board"] as const;
export type CommandName = (typeof COMMANDS)[number];

const ENV = `Environment:
  GITHUB_TOKEN              a token with issues: write on the repository, or
  APP_ID, PRIVATE_KEY       the GitHub App's credentials (PRIVATE_KEY_PATH for a file)
  GITHUB_API_URL            the API base (GitHub Enterprise, tests); GraphQL is derived from it

Exit codes: 0 success, 2 bad arguments or configuration, 1 GitHub unreachable after retries.
`;

export const HELP: Record<CommandName | "main", string> = {
  main: `Usage: duet-support <command> --repo owner/name [options]

Commands:
  sweep       post SLA warnings (75 % of the target) and breach notices (100 %), once per clock
  report      the support year's figures: volumes per tier, SLA compliance, response times, effort
  dashboard   update the pinned "Support dashboard" issue with the report
  board       back-fill and repair the Projects board from the issues

Run "duet-support <command> --help" for a command's options.

${ENV}`,
  sweep: `Usage: duet-support sweep --repo owner/name [--dry-run] [--now <ISO time>]

Posts SLA warnings and breach notices on open support issues, at most once per clock and kind.
  --dry-run        print a table (issue, tier, assignees, elapsed, target, state) and write nothing
  --now <time>     judge the clocks at this instant instead of the current time

${ENV}`,
  report: `Usage: duet-support report --repo owner/name [--year YYYY] [--format md|json]

Prints the support report for a support year (default: the current one).
  --year YYYY      the support year, starting on the configured reportYearStart
  --format md|json markdown with Mermaid charts (default) or JSON

${ENV}`,
  dashboard: `Usage: duet-support dashboard --repo owner/name [--dry-run]

Creates or updates, in place, the pinned "Support dashboard" issue with this year's report.

${ENV}`,
  board: `Usage: duet-support board --repo owner/name [--dry-run]

Back-fills and repairs the configured Projects board from the issues; a second run changes nothing.

${ENV}`,
};
