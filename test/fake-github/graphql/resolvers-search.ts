/**
 * Query.search for issues (type ISSUE) with the qualifiers the app uses: repo:, is:issue, is:open /
 * is:closed, in:title / in:body, and words or "quoted phrases" matched case-insensitively. Other
 * qualifiers are rejected, so a test notices a query the fake does not understand.
 */
import type { FakeIssue, FakeRepo } from "../model.js";
import type { GraphQLContext, RootFieldProvider } from "./context.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { GitHubQueryError } from "./query-error.js";
import { issueNode } from "./resolvers-issues.js";

interface SearchArgs extends ConnectionArgs {
  query: string;
  type: string;
}

interface IssueQuery {
  repo?: string;
  state?: "open" | "closed";
  fields: ("title" | "body")[];
  terms: string[];
}

function parseQuery(query: string): IssueQuery {
  const parsed: IssueQuery = { fields: [], terms: [] };
  for (const match of query.matchAll(/"([^"]*)"|(\S+)/g)) {
    const token = match[2];
    if (token === undefined) {
      parsed.terms.push(match[1]!.toLowerCase());
      continue;
    }
    const [qualifier, value] = token.includes(":") ? (token.split(/:(.*)/s) as [string, string]) : [undefined, token];
    if (qualifier === undefined) parsed.terms.push(value.toLowerCase());
    else if (qualifier === "repo") parsed.repo = value.toLowerCase();
    else if (qualifier === "is" && value === "issue") continue;
    else if (qualifier === "is" && (value === "open" || value === "closed")) parsed.state = value;
    else if (qualifier === "in" && (value === "title" || value === "body")) parsed.fields.push(value);
    else throw new GitHubQueryError("INVALID", `fake-github: search qualifier ${token} is not supported`);
  }
  return parsed;
}

function matches(issue: FakeIssue, query: IssueQuery): boolean {
  if (issue.pull) return false;
  if (query.state && issue.state !== query.state) return false;
  const fields = query.fields.length ? query.fields : (["title", "body"] as const);
  const text = fields.map((field) => (field === "title" ? issue.title : (issue.body ?? ""))).join("\n").toLowerCase();
  return query.terms.every((term) => text.includes(term));
}

export const searchRootFields: RootFieldProvider = (context: GraphQLContext) => ({
  search: (args: SearchArgs) => {
    if (args.type !== "ISSUE") throw new GitHubQueryError("INVALID", `fake-github: search type ${args.type} is not supported`);
    const query = parseQuery(args.query);
    const found: { issue: FakeIssue; repo: FakeRepo }[] = [];
    for (const repo of context.state.repos.values()) {
      if (query.repo && `${repo.owner.login}/${repo.name}`.toLowerCase() !== query.repo) continue;
      for (const issue of repo.issues) if (matches(issue, query)) found.push({ issue, repo });
    }
    // GitHub sorts by best match; newest first is a fair stand-in and keeps the order stable.
    found.sort((a, b) => (a.issue.created_at < b.issue.created_at ? 1 : a.issue.created_at > b.issue.created_at ? -1 : b.issue.id - a.issue.id));
    const page = connection("search", found, args, (item) => [item.issue.id], (item) => issueNode(context, item.repo, item.issue));
    return { ...page, issueCount: found.length, codeCount: 0, discussionCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0 };
  },
});
