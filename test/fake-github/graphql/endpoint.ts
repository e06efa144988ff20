/**
 * POST /graphql: validate against GitHub's schema (errors answered 200 with `errors`, as GitHub
 * does), then execute with graphql-js over the in-memory state.
 */
import { type GraphQLError, execute } from "graphql";
import type { FakeRequest, FakeResponse } from "../router.js";
import { GitHubQueryError } from "./query-error.js";
import { rootValue } from "./root.js";
import { githubSchema, prepareQuery } from "./schema.js";

function formatError(error: GraphQLError) {
  const original = error.originalError;
  return {
    ...(original instanceof GitHubQueryError ? { type: original.type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

export async function handleGraphQL(request: FakeRequest): Promise<FakeResponse> {
  const body = (typeof request.body === "object" && request.body !== null ? request.body : {}) as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  };
  if (typeof body.query !== "string") {
    return { status: 200, body: { errors: [{ message: "A query attribute must be specified and must be a string." }] } };
  }
  const prepared = prepareQuery(body.query);
  if (!prepared.ok) return { status: 200, body: { errors: prepared.errors.map(formatError) } };
  const context = { state: request.state, actor: request.actor };
  const result = await execute({
    schema: githubSchema(),
    document: prepared.document,
    rootValue: rootValue(context),
    contextValue: context,
    variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
    operationName: typeof body.operationName === "string" ? body.operationName : undefined,
  });
  const errors = result.errors?.map(formatError);
  return { status: 200, body: { ...(errors ? { errors } : {}), data: result.data ?? null } };
}
