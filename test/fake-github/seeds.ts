/**
 * What tests pass to the seeding methods: only the title (issues), author and body (comments) or
 * kind and actor (events) are required; times default to fake.now().
 */
import type { AuthorAssociation, IssueEventType, StateReason } from "./model.js";
import { isoSeconds } from "./model.js";

export type TimeInput = Date | string;

export interface IssueSeed {
  title: string;
  body?: string | null;
  user?: string;
  labels?: string[];
  assignees?: string[];
  state?: "open" | "closed";
  state_reason?: StateReason | null;
  created_at?: TimeInput;
  updated_at?: TimeInput;
  closed_at?: TimeInput | null;
  author_association?: AuthorAssociation;
}

export interface CommentSeed {
  user: string;
  body: string;
  created_at?: TimeInput;
  author_association?: AuthorAssociation;
}

export interface EventSeed {
  event: IssueEventType;
  actor: string;
  created_at?: TimeInput;
  label?: string;
  assignee?: string;
  state_reason?: StateReason | null;
}

export function stamp(time: TimeInput): string {
  return isoSeconds(typeof time === "string" ? new Date(time) : time);
}
