import { findLabel, type IssueCommentRecord, type IssueRecord, type LabelRecord } from "./issues.ts";
import type { Actor } from "./options.ts";
import type { EmulatorState } from "./state.ts";
import { nodeId, userView } from "./views.ts";

/** GitHub's JSON for issues, pull requests seen as issues, comments and labels. */

type Json = Record<string, unknown>;

function issueApiUrl(state: EmulatorState, issue: IssueRecord): string {
  return `${state.repoApiUrl}/issues/${issue.number}`;
}

/** A pull request's web page is under /pull/, an issue's under /issues/. */
function issueHtmlUrl(state: EmulatorState, issue: IssueRecord): string {
  return `${state.repoHtmlUrl}/${issue.pullRequest ? "pull" : "issues"}/${issue.number}`;
}

function association(state: EmulatorState, user: Actor): string {
  return user.login.toLowerCase() === state.owner.toLowerCase() ? "OWNER" : "NONE";
}

function reactionsView(url: string): Json {
  const none = { "+1": 0, "-1": 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 };
  return { url, total_count: 0, ...none };
}

export function labelView(state: EmulatorState, label: LabelRecord): Json {
  return {
    id: label.id,
    node_id: nodeId("Label", label.id),
    url: `${state.repoApiUrl}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}

/** An issue's or pull request's labels, by name, as GitHub shows them. */
export function labelsView(state: EmulatorState, names: string[]): Json[] {
  return names.flatMap((name) => {
    const label = findLabel(state, name);
    return label ? [labelView(state, label)] : [];
  });
}

export function issueView(state: EmulatorState, issue: IssueRecord): Json {
  const api = issueApiUrl(state, issue);
  const html = issueHtmlUrl(state, issue);
  const labels = labelsView(state, issue.labels);
  const view: Json = {
    url: api,
    repository_url: state.repoApiUrl,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: html,
    id: issue.id,
    node_id: nodeId(issue.pullRequest ? "PullRequest" : "Issue", issue.id),
    number: issue.number,
    title: issue.title,
    user: userView(state, issue.user),
    labels,
    state: issue.state,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: association(state, issue.user),
    active_lock_reason: null,
    body: issue.body,
    reactions: reactionsView(`${api}/reactions`),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
  if (issue.pullRequest) {
    view.draft = false;
    view.pull_request = {
      url: `${state.repoApiUrl}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: state.pulls.find((pull) => pull.number === issue.number)?.mergedAt ?? null,
    };
  }
  return view;
}

export function commentView(state: EmulatorState, issue: IssueRecord, comment: IssueCommentRecord): Json {
  const url = `${state.repoApiUrl}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${issueHtmlUrl(state, issue)}#issuecomment-${comment.id}`,
    issue_url: issueApiUrl(state, issue),
    id: comment.id,
    node_id: nodeId("IssueComment", comment.id),
    user: userView(state, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: association(state, comment.user),
    body: comment.body,
    reactions: reactionsView(`${url}/reactions`),
    performed_via_github_app: null,
  };
}
