/**
 * A repository's files as git keeps them: each write is a new commit (a snapshot of all files)
 * and moves its branch; reads name a branch or a commit sha.
 */
import { createHash } from "node:crypto";
import type { FakeFile, FakeRepo } from "./model.js";

/** Git's blob sha, so `sha` values look and behave like GitHub's. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export function newCommitSha(ids: { nextId(): number }): string {
  return createHash("sha1").update(`commit:${ids.nextId()}`).digest("hex");
}

export function commitFile(ids: { nextId(): number }, repo: FakeRepo, branch: string, path: string, content: string): FakeFile {
  const head = repo.branches.get(branch);
  const files = new Map(head ? repo.commits.get(head) : undefined);
  const file: FakeFile = { content, sha: blobSha(content) };
  files.set(path.replace(/^\/+/, ""), file);
  const sha = newCommitSha(ids);
  repo.commits.set(sha, files);
  repo.branches.set(branch, sha);
  return file;
}

/** Files at a branch name or commit sha; undefined when neither exists. */
export function filesAt(repo: FakeRepo, ref?: string): Map<string, FakeFile> | undefined {
  const name = (ref ?? repo.default_branch).replace(/^refs\/heads\//, "");
  const sha = repo.branches.get(name) ?? name;
  return repo.commits.get(sha);
}
