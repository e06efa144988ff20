/**
 * Missing labels are created per repository, not per issue: the repository's labels are read once
 * and cached, and the ones a plan needs are created with colour and description in ONE GraphQL
 * request (aliased createLabel mutations), so a new issue costs at most one label write.
 */
import { labelDefinition } from "../core/config/labels.js";
import { asUnavailable } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";

const CACHE_MS = 10 * 60_000;

export class LabelCache {
  private readonly known = new Map<string, { names: Set<string>; readAt: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Names of the labels the repository has, read once per repository and cache period. */
  async names(octokit: Octokit, repo: RepoRef): Promise<Set<string>> {
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    const cached = this.known.get(key);
    if (cached && this.clock() - cached.readAt < CACHE_MS) return cached.names;
    try {
      const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
      const names = new Set(labels.map((l) => l.name.toLowerCase()));
      this.known.set(key, { names, readAt: this.clock() });
      return names;
    } catch (error) {
      throw asUnavailable(error, "listing labels");
    }
  }

  remember(repo: RepoRef, created: string[]): void {
    const cached = this.known.get(`${repo.owner}/${repo.repo}`.toLowerCase());
    for (const name of created) cached?.names.add(name.toLowerCase());
  }
}

/** Creates the labels among `wanted` the repository lacks; returns the names created. */
export async function ensureLabels(
  octokit: Octokit,
  repo: RepoRef & { nodeId: string },
  wanted: string[],
  cache: LabelCache,
): Promise<string[]> {
  if (wanted.length === 0) return [];
  const existing = await cache.names(octokit, repo);
  const missing = [...new Set(wanted)].filter((name) => !existing.has(name.toLowerCase()));
  if (missing.length === 0) return [];
  const variables: Record<string, string> = { repositoryId: repo.nodeId };
  const fields = missing.map((name, i) => {
    const label = labelDefinition(name);
    variables[`name${i}`] = label.name;
    variables[`color${i}`] = label.color;
    variables[`description${i}`] = label.description;
    return `l${i}: createLabel(input: { repositoryId: $repositoryId, name: $name${i}, color: $color${i}, description: $description${i} }) { label { name } }`;
  });
  const params = missing.map((_, i) => `$name${i}: String!, $color${i}: String!, $description${i}: String`).join(", ");
  try {
    await octokit.graphql(`mutation CreateSupportLabels($repositoryId: ID!, ${params}) {\n  ${fields.join("\n  ")}\n}`, variables);
  } catch (error) {
    // A label created meanwhile by someone else is fine: GitHub answers "already been taken".
    if (!/already been taken|already exists/i.test(String((error as Error)?.message))) throw asUnavailable(error, "creating labels");
  }
  cache.remember(repo, missing);
  return missing;
}
