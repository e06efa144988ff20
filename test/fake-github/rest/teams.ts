/**
 * Organisation teams: members (paged) and one user's membership; unknown teams and
 * non-members answer 404, as GitHub does.
 */
import type { Router } from "../router.js";
import { notFound } from "./errors.js";
import { pagedResponse } from "./paging.js";
import { userShape } from "./shapes.js";

export function registerTeamRoutes(router: Router): void {
  router.get("/orgs/:org/teams/:slug", ({ state, params }) => {
    const team = state.team(params.org!, params.slug!);
    if (!team) return notFound();
    return {
      status: 200,
      body: {
        id: team.id,
        node_id: team.node_id,
        slug: team.slug,
        name: team.name,
        description: null,
        privacy: "closed",
        permission: "pull",
        url: `${state.apiUrl}/organizations/${state.user(team.org).id}/team/${team.id}`,
        html_url: `${state.webUrl}/orgs/${team.org}/teams/${team.slug}`,
        members_count: team.members.length,
      },
    };
  });

  router.get("/orgs/:org/teams/:slug/members", (request) => {
    const team = request.state.team(request.params.org!, request.params.slug!);
    if (!team) return notFound();
    return pagedResponse(request, team.members, (login) => userShape(request.state, request.state.user(login)));
  });

  router.get("/orgs/:org/teams/:slug/memberships/:user", ({ state, params }) => {
    const team = state.team(params.org!, params.slug!);
    const login = params.user!.toLowerCase();
    if (!team || !team.members.some((member) => member.toLowerCase() === login)) return notFound();
    return {
      status: 200,
      body: {
        url: `${state.apiUrl}/organizations/${state.user(team.org).id}/team/${team.id}/memberships/${params.user}`,
        role: "member",
        state: "active",
      },
    };
  });
}
