/**
 * Query.repository and the Repository object: issue(number), issues, pinnedIssues, labels.
 * Missing repositories and issues answer GitHub's NOT_FOUND error with a null field.
 */
import type { FakeRepo } from "../model.js";
import type { GraphQLContext, RootFieldProvider } from "./context.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { GitHubQueryError } from "./query-error.js";
import { actorNode, labelNode } from "./resolvers-actors.js";
import { type IssuesArgs, issueNode, issuesConnection } from "./resolvers-issues.js";

export function repositoryNode(context: GraphQLContext, repo: FakeRepo) {
  const path = `/${repo.owner.login}/${repo.name}`;
  return {
    __typename: "Repository",
    id: repo.node_id,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner.login}/${repo.name}`,
    owner: () => actorNode(context, repo.owner),
    url: `${context.state.webUrl}${path}`,
    resourcePath: path,
    isPrivate: repo.private,
    isArchived: false,
    hasIssuesEnabled: true,
    createdAt: repo.created_at,
    issue: ({ number }: { number: number }) => {
      const issue = repo.issuesByNumber.get(number);
      if (!issue || issue.pull) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to an Issue with the number of ${number}.`);
      return issueNode(context, repo, issue);
    },
    issues: (args: IssuesArgs) => issuesConnection(context, repo, args),
    pinnedIssues: (args: ConnectionArgs) => {
      const pinned = repo.pinned.map((number) => repo.issuesByNumber.get(number)!).filter((issue) => !issue.pull);
      return connection("pinnedIssues", pinned, args, (issue) => [repo.pinned.indexOf(issue.number)], (issue) => ({
        __typename: "PinnedIssue",
        id: `PIN_${issue.node_id}`,
        databaseId: issue.id,
        issue: issueNode(context, repo, issue),
        pinnedBy: actorNode(context, repo.owner),
        repository: () => repositoryNode(context, repo),
      }));
    },
    labels: (args: ConnectionArgs & { query?: string | null }) => {
      const labels = [...repo.labels.values()].filter((label) => !args.query || label.name.toLowerCase().includes(args.query.toLowerCase()));
      return connection("labels", labels, args, (label) => [label.id], (label) => labelNode(context, repo, label));
    },
    label: ({ name }: { name: string }) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? labelNode(context, repo, label) : null;
    },
  };
}

export const repositoryRootFields: RootFieldProvider = (context) => ({
  repository: ({ owner, name }: { owner: string; name: string }) => {
    const repo = context.state.repo(owner, name);
    if (!repo) throw new GitHubQueryError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
    return repositoryNode(context, repo);
  },
});
