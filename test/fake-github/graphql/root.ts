/**
 * The root value for Query and Mutation: the fields of every provider, merged. A new area
 * (e.g. organization.projectV2) is a new resolvers-*.ts file and one entry in this list.
 */
import type { GraphQLContext, RootFieldProvider } from "./context.js";
import { pinRootFields } from "./resolvers-pins.js";
import { repositoryRootFields } from "./resolvers-repository.js";
import { searchRootFields } from "./resolvers-search.js";
import { viewerRootFields } from "./resolvers-viewer.js";
import { projectV2RootFields } from "./project-v2.js";
import { labelRootFields } from "./resolvers-labels.js";

const PROVIDERS: RootFieldProvider[] = [repositoryRootFields, viewerRootFields, labelRootFields, searchRootFields, pinRootFields, projectV2RootFields];

export function rootValue(context: GraphQLContext): Record<string, unknown> {
  return Object.assign({}, ...PROVIDERS.map((provider) => provider(context))) as Record<string, unknown>;
}
