/**
 * GitHub's published GraphQL schema (@octokit/graphql-schema), built once per process, and
 * queries parsed and validated against it once per distinct query text.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type DocumentNode, type GraphQLError, type GraphQLSchema, type IntrospectionQuery, buildClientSchema, parse, validate } from "graphql";

let schema: GraphQLSchema | undefined;

function schemaJsonPath(): string {
  // The package exports only its ESM entry, so find the file beside it on the resolution paths.
  const paths = createRequire(import.meta.url).resolve.paths("@octokit/graphql-schema") ?? [];
  for (const dir of paths) {
    const candidate = join(dir, "@octokit", "graphql-schema", "schema.json");
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("fake-github: @octokit/graphql-schema is not installed");
}

export function githubSchema(): GraphQLSchema {
  if (!schema) {
    const json = JSON.parse(readFileSync(schemaJsonPath(), "utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
    schema = buildClientSchema(json.data ?? json, { assumeValid: true });
  }
  return schema;
}

export type PreparedQuery = { ok: true; document: DocumentNode } | { ok: false; errors: readonly GraphQLError[] };

const prepared = new Map<string, PreparedQuery>();
const MAX_PREPARED = 1000;

/** Parses and validates a query, answering repeated query texts from a cache. */
export function prepareQuery(query: string): PreparedQuery {
  const cached = prepared.get(query);
  if (cached) return cached;
  let result: PreparedQuery;
  try {
    const document = parse(query);
    const errors = validate(githubSchema(), document);
    result = errors.length ? { ok: false, errors } : { ok: true, document };
  } catch (error) {
    result = { ok: false, errors: [error as GraphQLError] };
  }
  if (prepared.size >= MAX_PREPARED) prepared.clear();
  prepared.set(query, result);
  return result;
}
