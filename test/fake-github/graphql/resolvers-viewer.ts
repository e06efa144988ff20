/**
 * Query.viewer (who the token authenticates as) and Query.rateLimit (a fixed, generous budget:
 * each query costs 1 point, as small queries do on GitHub).
 */
import type { RootFieldProvider } from "./context.js";
import { actorNode } from "./resolvers-actors.js";

export const viewerRootFields: RootFieldProvider = (context) => ({
  // GitHub types viewer as User, even for a bot token, and keeps the REST login.
  viewer: () => ({ ...actorNode(context, context.actor), __typename: "User", login: context.actor.login }),
  rateLimit: () => ({
    __typename: "RateLimit",
    cost: 1,
    limit: 5000,
    nodeCount: 1,
    remaining: 4999,
    used: 1,
    resetAt: new Date(context.state.now().getTime() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  }),
});
