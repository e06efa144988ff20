/**
 * What every resolver gets: the state and who is asking. Root fields come from providers, one
 * file per area (repositories, viewer, later projects), merged into the root value by root.ts.
 */
import type { FakeUser } from "../model.js";
import type { FakeState } from "../state.js";

export interface GraphQLContext {
  state: FakeState;
  actor: FakeUser;
}

/** A file's contribution to Query/Mutation: field name → value or resolver `(args) => value`. */
export type RootFieldProvider = (context: GraphQLContext) => Record<string, unknown>;
