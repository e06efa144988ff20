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

/** GraphQL answers 200 with `errors`; NOT_FOUND and FORBIDDEN there are answers, not outages. */
export function graphqlErrorType(error: unknown): string | undefined {
  const errors = (error as { errors?: { type?: string }[] } | null)?.errors;
  return Array.isArray(errors) ? errors.find((e) => typeof e?.type === "string")?.type : undefined;
}

/** 5xx and network failures become GitHubUnavailable; everything else propagates unchanged. */
export function asUnavailable(error: unknown, what: string): unknown {
  const type = graphqlErrorType(error);
  if (type === "NOT_FOUND" || type === "FORBIDDEN") return error;
  const status = statusOf(error);
  if (status === undefined || status >= 500) {
    return new GitHubUnavailable(`${what}: ${(error as Error)?.message ?? String(error)}`, status);
  }
  return error;
}
