/**
 * Who a commenter is to the desk (WHO_CAN_USE): write access first (one read), then team membership,
 * the responsible partners' teams first, stopping at the first team that has them.
 */
import type { Config } from "../core/config/index.js";
import type { Octokit, RepoRef } from "../github/octokit.js";
import { hasWriteAccess, isTeamMember } from "../github/teams.js";

export interface Team {
  slug: string;
  /** The partner whose team it is; none for a `supportTeams` team. */
  partner?: string;
}

export interface Person {
  login: string;
  hasWriteAccess: boolean;
  /** The first team found with the person in it, if write access did not settle it. */
  team?: Team;
}

/** May run commands: write access, or a partner's team, or a `supportTeams` team. */
export function isAuthorised(person: Person): boolean {
  return person.hasWriteAccess || person.team !== undefined;
}

/** SPEC §2: a response comes from the responsible side, the tier's team or write access. */
export function isResponder(person: Person, responsiblePartners: readonly string[]): boolean {
  return person.hasWriteAccess || (person.team?.partner !== undefined && responsiblePartners.includes(person.team.partner));
}

/** The teams of the partners answering the ticket's tier. */
export function responsibleTeams(config: Pick<Config, "partners">, responsiblePartners: readonly string[]): Team[] {
  return responsiblePartners.map((partner) => ({ slug: config.partners[partner]!.team, partner }));
}

/** Every team whose members may run commands, the responsible partners' first. */
export function commandTeams(config: Pick<Config, "partners" | "supportTeams">, responsiblePartners: readonly string[]): Team[] {
  const others = Object.keys(config.partners).filter((id) => !responsiblePartners.includes(id));
  const teams = [...responsibleTeams(config, responsiblePartners), ...responsibleTeams(config, others), ...config.supportTeams.map((slug) => ({ slug }))];
  return teams.filter((team, i) => teams.findIndex((t) => t.slug.toLowerCase() === team.slug.toLowerCase()) === i);
}

/** Write access first; the teams only when write access does not settle it. */
export async function identify(octokit: Octokit, repo: RepoRef, login: string, teams: readonly Team[]): Promise<Person> {
  if (await hasWriteAccess(octokit, repo, login)) return { login, hasWriteAccess: true };
  for (const team of teams) {
    if (await isTeamMember(octokit, repo.owner, team.slug, login)) return { login, hasWriteAccess: false, team };
  }
  return { login, hasWriteAccess: false };
}

/** Which of `partners` have the person in their team (to book effort to the right owner). */
export async function partnersOf(octokit: Octokit, org: string, login: string, config: Pick<Config, "partners">, partners: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const partner of partners) {
    if (await isTeamMember(octokit, org, config.partners[partner]!.team, login)) found.push(partner);
  }
  return found;
}
