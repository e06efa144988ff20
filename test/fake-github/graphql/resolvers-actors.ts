/**
 * Actors and labels as GraphQL objects. GitHub's GraphQL names bots without the `[bot]` suffix
 * REST uses (`duet-support`, not `duet-support[bot]`); the fake does the same.
 */
import type { FakeLabel, FakeRepo, FakeUser } from "../model.js";
import type { GraphQLContext } from "./context.js";

export function actorNode(context: GraphQLContext, user: FakeUser) {
  const login = user.type === "Bot" ? user.login.replace(/\[bot\]$/, "") : user.login;
  const path = user.type === "Bot" ? `/apps/${login}` : `/${login}`;
  return {
    __typename: user.type,
    id: user.node_id,
    databaseId: user.id,
    login,
    name: null,
    url: `${context.state.webUrl}${path}`,
    resourcePath: path,
    avatarUrl: () => `${context.state.webUrl}/avatars/u/${user.id}`,
  };
}

export function labelNode(context: GraphQLContext, repo: FakeRepo, label: FakeLabel) {
  return {
    __typename: "Label",
    id: label.node_id,
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: label.default,
    url: `${context.state.webUrl}/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
  };
}

/** The repository's label by name, or a stand-in for one deleted since it was used. */
export function labelByName(context: GraphQLContext, repo: FakeRepo, name: string, color = "ededed") {
  const label = repo.labels.get(name.toLowerCase());
  if (label) return labelNode(context, repo, label);
  return labelNode(context, repo, { id: 0, node_id: `LA_deleted_${name}`, name, color, description: null, default: false });
}
