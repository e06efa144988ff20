/**
 * The repository's FAQ file, read for suggestions on new tickets. Cached per repository for a few
 * minutes: a busy desk files many tickets, and the FAQ changes only through reviewed pull requests.
 */
import { type FaqEntry, parseFaq } from "../core/faq/index.js";
import type { Octokit, RepoRef } from "./octokit.js";
import { readTextFile } from "./repository-files.js";

const CACHE_MS = 10 * 60_000;

export type FaqRead = { ok: true; entries: FaqEntry[] } | { ok: false; problems: { where: string; message: string }[] };

export class FaqCache {
  private readonly known = new Map<string, { read: FaqRead; readAt: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** The FAQ's entries; none when the file does not exist. An invalid file gives its problems. */
  async read(octokit: Octokit, repo: RepoRef, path: string): Promise<FaqRead> {
    const key = `${repo.owner}/${repo.repo}:${path}`.toLowerCase();
    const cached = this.known.get(key);
    if (cached && this.clock() - cached.readAt < CACHE_MS) return cached.read;
    const text = await readTextFile(octokit, repo, path);
    const parsed = text === undefined ? { ok: true as const, value: [] } : parseFaq(text, path);
    const read: FaqRead = parsed.ok ? { ok: true, entries: parsed.value } : { ok: false, problems: parsed.problems };
    this.known.set(key, { read, readAt: this.clock() });
    return read;
  }
}
