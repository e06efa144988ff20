/** The gateway's one error for "GitHub could not be reached after retries" (the CLI maps it to exit 1). */
export class GitHubUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "GitHubUnavailable";
  }
}

/** Octokit's RequestError carries `status`; a 404 is an answer, not an outage. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** 5xx and network failures become GitHubUnavailable; everything else propagates unchanged. */
export function asUnavailable(error: unknown, what: string): unknown {
  const status = statusOf(error);
  if (status === undefined || status >= 500) {
    return new GitHubUnavailable(`${what}: ${(error as Error)?.message ?? String(error)}`, status);
  }
  return error;
}
