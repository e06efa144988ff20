/**
 * Errors GitHub reports from inside a query (not validation): they carry GitHub's `type`
 * (NOT_FOUND, EXCESSIVE_PAGINATION, …), which the endpoint copies onto the error it answers.
 */
export class GitHubQueryError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
