import { labelsView } from "./issue-views.ts";
import { baseSha, headSha, type PullRecord, pullCommits } from "./pulls.ts";
import type { EmulatorState } from "./state.ts";
import { fullRepositoryView, nodeId, userView } from "./views.ts";

/** GitHub's JSON for a pull request (pulls/get) and its list form (pull-request-simple). */

type Json = Record<string, unknown>;

function branchView(state: EmulatorState, branch: string, sha: string): Json {
  return {
    label: `${state.owner}:${branch}`,
    ref: branch,
    sha,
    user: userView(state, { login: state.owner, id: 9_000_001, type: "Organization" }),
    repo: { ...fullRepositoryView(state), has_downloads: true, license: null },
  };
}

/**
 * A fork's branch as GitHub shows it: `owner:branch`, the fork's owner, and the fork itself
 * (`fork: true`, its own id, name and URLs) as the repository.
 */
function forkBranchView(
  state: EmulatorState,
  fork: NonNullable<PullRecord["fork"]>,
  branch: string,
  sha: string,
): Json {
  const owner = { login: fork.owner, id: 7_000_000 + fork.owner.length, type: "User" as const };
  const fullName = `${fork.owner}/${state.repo}`;
  const html = `${state.options.serverUrl}/${fullName}`;
  const api = `${state.apiUrl}/repos/${fullName}`;
  const base = fullRepositoryView(state);
  const urls = Object.fromEntries(
    Object.entries(base)
      .filter(([key, value]) => key.endsWith("_url") && typeof value === "string")
      .map(([key, value]) => [
        key,
        (value as string).replace(state.repoApiUrl, api).replace(state.repoHtmlUrl, html),
      ]),
  );
  return {
    label: `${fork.owner}:${branch}`,
    ref: branch,
    sha,
    user: userView(state, owner),
    repo: {
      ...base,
      ...urls,
      id: fork.id,
      node_id: nodeId("Repository", fork.id),
      name: state.repo,
      full_name: fullName,
      owner: userView(state, owner),
      html_url: html,
      url: api,
      fork: true,
      permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
      has_downloads: true,
      license: null,
    },
  };
}

/** The fields pulls/list and commits/{sha}/pulls show. */
export function pullSimpleView(state: EmulatorState, pull: PullRecord): Json {
  const api = `${state.repoApiUrl}/pulls/${pull.number}`;
  const html = `${state.repoHtmlUrl}/pull/${pull.number}`;
  const issueApi = `${state.repoApiUrl}/issues/${pull.number}`;
  const head = headSha(state, pull);
  const { issue } = pull;
  const link = (href: string) => ({ href });
  return {
    url: api,
    id: issue.id,
    node_id: nodeId("PullRequest", issue.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${state.repoApiUrl}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${state.repoApiUrl}/statuses/${head}`,
    number: pull.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userView(state, issue.user),
    body: issue.body,
    labels: labelsView(state, issue.labels),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head:
      pull.fork === null
        ? branchView(state, pull.head, head)
        : forkBranchView(state, pull.fork, pull.head, head),
    base: branchView(state, pull.base, baseSha(state, pull)),
    _links: {
      self: link(api),
      html: link(html),
      issue: link(issueApi),
      comments: link(`${issueApi}/comments`),
      review_comments: link(`${api}/comments`),
      review_comment: link(`${state.repoApiUrl}/pulls/comments{/number}`),
      commits: link(`${api}/commits`),
      statuses: link(`${state.repoApiUrl}/statuses/${head}`),
    },
    author_association: issue.user.login.toLowerCase() === state.owner.toLowerCase() ? "OWNER" : "NONE",
    auto_merge: null,
    draft: pull.draft,
  };
}

/** The full pull request: merge state and sizes too. */
export function pullView(state: EmulatorState, pull: PullRecord): Json {
  const open = pull.issue.state === "open";
  const commits = pullCommits(state, pull);
  const files = new Set(commits.flatMap((sha) => state.git.changedFiles(sha).map((file) => file.filename)));
  return {
    ...pullSimpleView(state, pull),
    merged: pull.merged,
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? "clean" : "unknown",
    merged_by: pull.mergedBy ? userView(state, pull.mergedBy) : null,
    comments: pull.issue.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: commits.length,
    additions: 0,
    deletions: 0,
    changed_files: files.size,
  };
}
