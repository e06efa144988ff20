/**
 * `/faq` in a comment: the question is the issue's title; the answer is the command's text, else
 * the desk's last comment, else a placeholder for the desk to fill in the pull request.
 */
import type { Context } from "probot";
import { parseCommands } from "../core/commands/index.js";
import type { Config } from "../core/config/index.js";
import { type FaqResult, faqPlaceholderAnswer, faqPullRequestText } from "../core/text/command-replies.js";
import { proposeFaqEntry } from "../github/faq-pull-request.js";
import type { Octokit } from "../github/octokit.js";
import { isBot } from "./guards.js";

type CommentContext = Context<"issue_comment.created">;

/** GitHub's own reading of a commenter's relation to the repository: the desk's people. */
const DESK_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

export async function proposeFaq(context: CommentContext, config: Config, answerText: string | undefined): Promise<FaqResult> {
  const { issue, repository } = context.payload;
  const octokit = context.octokit as Octokit;
  const answer = answerText ?? (await lastDeskComment(context));
  return proposeFaqEntry(octokit, context.repo(), {
    defaultBranch: repository.default_branch,
    path: config.faq.path,
    issueNumber: issue.number,
    question: issue.title,
    answer: answer ?? faqPlaceholderAnswer(issue.number),
    pullRequest: faqPullRequestText({ question: issue.title, issueNumber: issue.number, path: config.faq.path, hasAnswer: answer !== undefined }),
  });
}

/** The last comment before this one by the desk: not a bot, not the reporter, not only commands. */
async function lastDeskComment(context: CommentContext): Promise<string | undefined> {
  const { issue, comment } = context.payload;
  const octokit = context.octokit as Octokit;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...context.issue(), per_page: 100 });
  const answers = comments.filter(
    (c) =>
      c.id !== comment.id &&
      !isBot(c.user) &&
      c.user?.login !== issue.user.login &&
      DESK_ASSOCIATIONS.has(c.author_association) &&
      parseCommands(c.body).length === 0 &&
      (c.body ?? "").trim() !== "",
  );
  return answers.at(-1)?.body?.trim();
}
