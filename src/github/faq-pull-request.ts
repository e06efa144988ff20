/**
 * `/faq`: a pull request adding the ticket to the FAQ file, through the REST git data and contents
 * APIs: read the default branch, create `duet-support/faq-<n>`, commit the file there, open the PR.
 */
import { appendFaqEntry } from "../core/faq/index.js";
import type { Problem } from "../core/result.js";
import { FAQ_PROBLEMS, type FaqResult } from "../core/text/command-replies.js";
import { asUnavailable, isNotFound, statusOf } from "./errors.js";
import type { Octokit, RepoRef } from "./octokit.js";

export interface FaqProposalInput {
  defaultBranch: string;
  /** The FAQ file, `faq.path` in the configuration. */
  path: string;
  issueNumber: number;
  question: string;
  answer: string;
  pullRequest: { title: string; body: string; commitMessage: string };
}

export function faqBranch(issueNumber: number): string {
  return `duet-support/faq-${issueNumber}`;
}

/** Opens the pull request; an entry already in the FAQ, or one already proposed, is an answer, not an error. */
export async function proposeFaqEntry(octokit: Octokit, repo: RepoRef, input: FaqProposalInput): Promise<FaqResult> {
  const branch = faqBranch(input.issueNumber);
  const base = await call(() => octokit.rest.git.getRef({ ...repo, ref: `heads/${input.defaultBranch}` }), `reading branch ${input.defaultBranch}`);
  if (!base.ok) return base.result;
  const file = await readFile(octokit, repo, input.path, input.defaultBranch);
  const next = appendFaqEntry(file?.text ?? "", { question: input.question, answer: input.answer }, input.path);
  if (!next.ok) return { kind: "problems", problems: next.problems };

  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: base.value.data.object.sha });
  } catch (error) {
    if (statusOf(error) !== 422) return refused(error, `creating branch ${branch}`);
    // The branch is there already: a pull request from an earlier /faq, or a leftover branch.
    const { data: open } = await octokit.rest.pulls.list({ ...repo, head: `${repo.owner}:${branch}`, state: "open", per_page: 1 });
    if (open[0]) return { kind: "exists", number: open[0].number, url: open[0].html_url };
    return problems(FAQ_PROBLEMS.branchExists(branch));
  }
  const commit = await call(
    () =>
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: input.path,
        branch,
        message: input.pullRequest.commitMessage,
        content: Buffer.from(next.value, "utf8").toString("base64"),
        ...(file && { sha: file.sha }),
      }),
    `writing ${input.path}`,
  );
  if (!commit.ok) return commit.result;
  const pull = await call(
    () => octokit.rest.pulls.create({ ...repo, title: input.pullRequest.title, body: input.pullRequest.body, head: branch, base: input.defaultBranch }),
    "opening the pull request",
  );
  if (!pull.ok) return pull.result;
  return { kind: "opened", number: pull.value.data.number, url: pull.value.data.html_url };
}

async function readFile(octokit: Octokit, repo: RepoRef, path: string, ref: string): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== "file") return undefined;
    return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw asUnavailable(error, `reading ${path}`);
  }
}

type Called<T> = { ok: true; value: T } | { ok: false; result: FaqResult };

async function call<T>(request: () => Promise<T>, what: string): Promise<Called<T>> {
  try {
    return { ok: true, value: await request() };
  } catch (error) {
    return { ok: false, result: refused(error, what) };
  }
}

/** 403/404/422 on a write mean the app may not push here or the repository refuses: say so in the reply. */
function refused(error: unknown, what: string): FaqResult {
  const status = statusOf(error);
  if (status === 403 || status === 404 || status === 409 || status === 422) {
    return problems(FAQ_PROBLEMS.refused(what, status));
  }
  throw asUnavailable(error, what);
}

function problems(...list: Problem[]): FaqResult {
  return { kind: "problems", problems: list };
}
