/**
 * The GitHub App's own routes: the app, its installations, installation tokens (any JWT is
 * accepted), the installation's repositories, and /rate_limit.
 */
import { randomBytes } from "node:crypto";
import type { Router } from "../router.js";
import { APP } from "../state.js";
import { notFound } from "./errors.js";
import { pageOf } from "./paging.js";
import { APP_EVENTS, APP_PERMISSIONS, installationShape, repoShape, userShape } from "./shapes.js";

export function registerAppRoutes(router: Router): void {
  router.get("/app", ({ state }) => ({
    status: 200,
    body: {
      id: APP.id,
      slug: APP.slug,
      node_id: "A_kwHOduet",
      client_id: "Iv1.fakeduetsupport",
      owner: userShape(state, state.user("duet", "Organization")),
      name: APP.name,
      description: "Three-tier support desk on GitHub issues",
      external_url: state.webUrl,
      html_url: `${state.webUrl}/apps/${APP.slug}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      permissions: APP_PERMISSIONS,
      events: APP_EVENTS,
      installations_count: state.installations.size,
    },
  }));

  router.get("/app/installations", (request) => {
    const { items, headers } = pageOf(request, [...request.state.installations.values()]);
    return { status: 200, body: items.map((installation) => installationShape(request.state, installation)), headers };
  });

  router.get("/app/installations/:id", ({ state, params }) => {
    const installation = state.installations.get(Number(params.id));
    return installation ? { status: 200, body: installationShape(state, installation) } : notFound();
  });

  router.get("/repos/:owner/:repo/installation", ({ state, params }) => {
    const repo = state.repo(params.owner!, params.repo!);
    const installation = repo?.installationId ? state.installations.get(repo.installationId) : undefined;
    return installation ? { status: 200, body: installationShape(state, installation) } : notFound();
  });

  router.get("/orgs/:org/installation", ({ state, params }) => {
    const installation = state.installationFor(params.org!);
    return installation ? { status: 200, body: installationShape(state, installation) } : notFound();
  });

  router.post("/app/installations/:id/access_tokens", ({ state, params }) => {
    const installation = state.installations.get(Number(params.id));
    if (!installation) return notFound();
    const token = `ghs_${randomBytes(18).toString("base64url")}`;
    state.tokens.set(token, { login: state.bot.login, installationId: installation.id });
    const expires = new Date(state.now().getTime() + 60 * 60 * 1000);
    return {
      status: 201,
      body: {
        token,
        expires_at: expires.toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: APP_PERMISSIONS,
        repository_selection: installation.repository_selection,
      },
    };
  });

  router.get("/installation/repositories", (request) => {
    const { state, installationId } = request;
    const repos = [...state.repos.values()].filter((repo) => installationId === null || repo.installationId === installationId);
    const { items, headers } = pageOf(request, repos);
    return {
      status: 200,
      body: { total_count: repos.length, repository_selection: "all", repositories: items.map((repo) => repoShape(state, repo)) },
      headers,
    };
  });

  router.get("/rate_limit", ({ state }) => {
    const reset = Math.floor(state.now().getTime() / 1000) + 3600;
    const bucket = { limit: 5000, used: 0, remaining: 5000, reset };
    return {
      status: 200,
      body: { resources: { core: bucket, graphql: bucket, search: { ...bucket, limit: 30, remaining: 30 } }, rate: bucket },
    };
  });
}
