/**
 * Mutation.createLabel, as the app uses it to create every missing label of a plan in one request
 * (aliased mutations). A name already taken answers GitHub's UNPROCESSABLE error.
 */
import type { RootFieldProvider } from "./context.js";
import { GitHubQueryError as QueryError } from "./query-error.js";

export const labelRootFields: RootFieldProvider = (context) => ({
  createLabel: ({ input }: { input: { repositoryId: string; name: string; color: string; description?: string | null } }) => {
    const repo = [...context.state.repos.values()].find((r) => r.node_id === input.repositoryId);
    if (!repo) throw new QueryError("NOT_FOUND", `Could not resolve to a node with the global id of '${input.repositoryId}'`);
    if (repo.labels.has(input.name.toLowerCase())) throw new QueryError("UNPROCESSABLE", "Name has already been taken");
    if (input.name.length > 50) throw new QueryError("UNPROCESSABLE", "Name is too long (maximum is 50 characters)");
    if (!/^[0-9a-f]{6}$/i.test(input.color)) throw new QueryError("UNPROCESSABLE", "Color is invalid");
    const label = context.state.createLabel(repo, input.name, input.color, input.description ?? null);
    return { __typename: "CreateLabelPayload", label: { __typename: "Label", id: label.node_id, name: label.name, color: label.color, description: label.description } };
  },
});
