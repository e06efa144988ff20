/**
 * Mutation.pinIssue: pins an issue by its node id, as a repository maintainer would. GitHub allows
 * three pinned issues a repository; a fourth is refused with its error.
 */
import type { GraphQLContext, RootFieldProvider } from "./context.js";
import { GitHubQueryError } from "./query-error.js";
import { issueNode } from "./resolvers-issues.js";

const MAX_PINNED = 3;

export const pinRootFields: RootFieldProvider = (context: GraphQLContext) => ({
  pinIssue: ({ input }: { input: { issueId: string; clientMutationId?: string | null } }) => {
    for (const repo of context.state.repos.values()) {
      const issue = repo.issues.find((candidate) => candidate.node_id === input.issueId && !candidate.pull);
      if (!issue) continue;
      if (!repo.pinned.includes(issue.number)) {
        if (repo.pinned.length >= MAX_PINNED) throw new GitHubQueryError("UNPROCESSABLE", "Repository already has 3 pinned issues.");
        repo.pinned.push(issue.number);
      }
      return { clientMutationId: input.clientMutationId ?? null, issue: issueNode(context, repo, issue) };
    }
    throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a node with the global id of '${input.issueId}'.`);
  },
});
