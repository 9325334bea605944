import { validationFailed } from "./api-error.ts";
import type { Actor } from "./options.ts";
import { type EmulatorState, isoSeconds } from "./state.ts";

/**
 * Issues, their comments and the repository's labels. Pull requests are issues too on GitHub (one
 * numbering, listed by the issues endpoints with a `pull_request` key), so a test can seed one here.
 */

export interface LabelRecord {
  id: number;
  name: string;
  /** Six hex digits, without `#`. */
  color: string;
  description: string | null;
  default: boolean;
}

export interface IssueCommentRecord {
  id: number;
  body: string;
  user: Actor;
  createdAt: string;
  updatedAt: string;
}

export type IssueState = "open" | "closed";
export type StateReason = "completed" | "not_planned" | "reopened" | "duplicate";

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  /** Label names as the repository spells them. */
  labels: string[];
  state: IssueState;
  stateReason: StateReason | null;
  /** A pull request: the issues endpoints show it with a `pull_request` key. */
  pullRequest: boolean;
  user: Actor;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Oldest first. */
  comments: IssueCommentRecord[];
}

/** What a test may seed: an issue (open or closed) or a pull request, with comments. */
export interface SeedIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: IssueState;
  stateReason?: StateReason;
  pullRequest?: boolean;
  /** Default: the token's actor. */
  user?: Actor;
  comments?: (string | { body: string; user?: Actor })[];
}

/** GitHub's limits on an issue's title and on an issue's or a comment's body, in characters. */
export const TITLE_LIMIT = 256;
export const BODY_LIMIT = 65_536;

/** 422 for a title over GitHub's limit (an issue's and a pull request's alike). */
export function assertTitleLength(title: string): void {
  if (characters(title) > TITLE_LIMIT) {
    throw validationFailed({
      resource: "Issue",
      code: "custom",
      field: "title",
      message: `title is too long (maximum is ${TITLE_LIMIT} characters)`,
    });
  }
}

/** GitHub counts characters, not UTF-16 units: an emoji is one. */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The colour GitHub gives a label it makes on the fly (issues/create with an unknown label). */
const NEW_LABEL_COLOR = "ededed";

/** Label names are unique regardless of case on GitHub. */
export function findLabel(state: EmulatorState, name: string): LabelRecord | undefined {
  const wanted = name.toLowerCase();
  return state.labels.find((label) => label.name.toLowerCase() === wanted);
}

export function ensureLabel(state: EmulatorState, name: string): LabelRecord {
  const existing = findLabel(state, name);
  if (existing) return existing;
  const label: LabelRecord = {
    id: state.newId("label"),
    name,
    color: NEW_LABEL_COLOR,
    description: null,
    default: false,
  };
  state.labels.push(label);
  return label;
}

export function openIssue(
  state: EmulatorState,
  input: { title: string; body: string | null; labels: string[]; user: Actor; pullRequest?: boolean },
): IssueRecord {
  const now = isoSeconds();
  const labels: string[] = [];
  for (const name of input.labels) {
    const label = ensureLabel(state, name);
    if (!labels.includes(label.name)) labels.push(label.name);
  }
  const issue: IssueRecord = {
    id: state.newId("issue"),
    number: state.issues.length + 1,
    title: input.title,
    body: input.body,
    labels,
    state: "open",
    stateReason: null,
    pullRequest: input.pullRequest === true,
    user: input.user,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    comments: [],
  };
  state.issues.push(issue);
  return issue;
}

export function addComment(
  state: EmulatorState,
  issue: IssueRecord,
  body: string,
  user: Actor,
): IssueCommentRecord {
  const now = isoSeconds();
  const comment: IssueCommentRecord = {
    id: state.newId("comment"),
    body,
    user,
    createdAt: now,
    updatedAt: now,
  };
  issue.comments.push(comment);
  issue.updatedAt = now;
  return comment;
}

export function closeIssue(issue: IssueRecord, reason: StateReason = "completed"): void {
  const now = isoSeconds();
  issue.state = "closed";
  issue.stateReason = reason;
  issue.closedAt = now;
  issue.updatedAt = now;
}

/** Puts an issue or pull request in place as if people had made it: for tests. */
export function seedIssue(state: EmulatorState, seed: SeedIssue): IssueRecord {
  const user = seed.user ?? state.options.actor;
  const issue = openIssue(state, {
    title: seed.title,
    body: seed.body ?? null,
    labels: seed.labels ?? [],
    user,
    pullRequest: seed.pullRequest === true,
  });
  for (const comment of seed.comments ?? []) {
    const { body, user: author } = typeof comment === "string" ? { body: comment, user } : comment;
    addComment(state, issue, body, author ?? user);
  }
  if (seed.state === "closed") closeIssue(issue, seed.stateReason);
  return issue;
}
