import type { ChangedFile, CommitInfo, ObjectType, TagInfo } from "./git-objects.ts";
import type { Actor } from "./options.ts";
import {
  type DeploymentRecord,
  type DeploymentStatusRecord,
  type EmulatorState,
  isoSeconds,
  type ReleaseRecord,
  type RunRecord,
} from "./state.ts";

/** GitHub's JSON representations of the emulator's records (the shapes openapi-subset.json describes). */

type Json = Record<string, unknown>;

/** What stands for GitHub's signature on a commit it made (the emulator signs nothing for real). */
export const SIGNATURE = "-----BEGIN PGP SIGNATURE-----\n(emulated)\n-----END PGP SIGNATURE-----";

export function nodeId(kind: string, id: string | number): string {
  return Buffer.from(`${kind}:${id}`).toString("base64");
}

function encodePath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

export function userView(state: EmulatorState, actor: Actor): Json {
  const api = `${state.apiUrl}/users/${encodeURIComponent(actor.login)}`;
  return {
    login: actor.login,
    id: actor.id,
    node_id: nodeId("User", actor.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${actor.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: `${state.options.serverUrl}/${encodeURIComponent(actor.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: actor.type,
    user_view_type: "public",
    site_admin: false,
  };
}

function ownerView(state: EmulatorState): Json {
  return userView(state, { login: state.owner, id: 9_000_001, type: "Organization" });
}

/** The fields minimal-repository and full-repository share. */
function repositoryBase(state: EmulatorState): Json {
  const api = state.repoApiUrl;
  const html = state.repoHtmlUrl;
  return {
    id: state.repositoryId,
    node_id: nodeId("Repository", state.repositoryId),
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: ownerView(state),
    private: false,
    html_url: html,
    description: "A repository served by shipguard's GitHub emulator",
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${new URL(state.options.serverUrl).host}/${state.owner}/${state.repo}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${new URL(state.options.serverUrl).host}:${state.owner}/${state.repo}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: "TypeScript",
    mirror_url: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1,
    default_branch: state.defaultBranch,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: state.options.issuesDisabled !== true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: "public",
    pushed_at: isoSeconds(),
    created_at: state.createdAt,
    updated_at: state.createdAt,
    forks: 0,
    open_issues: 0,
    watchers: 0,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

export function minimalRepositoryView(state: EmulatorState): Json {
  return repositoryBase(state);
}

export function fullRepositoryView(state: EmulatorState): Json {
  const permissions = state.options.permissions;
  const canPush = permissions === undefined || permissions.contents === "write";
  return {
    ...repositoryBase(state),
    permissions: { admin: false, maintain: false, push: canPush, triage: canPush, pull: true },
    license: null,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function gitRefView(state: EmulatorState, ref: string, sha: string, type: ObjectType): Json {
  const objectPath = type === "tag" ? "tags" : `${type}s`;
  return {
    ref,
    node_id: nodeId("Ref", ref),
    url: `${state.repoApiUrl}/git/${encodePath(ref)}`,
    object: { type, sha, url: `${state.repoApiUrl}/git/${objectPath}/${sha}` },
  };
}

export function gitTagView(state: EmulatorState, tag: TagInfo): Json {
  const objectPath = tag.type === "tag" ? "tags" : `${tag.type}s`;
  return {
    node_id: nodeId("Tag", tag.sha),
    tag: tag.tag,
    sha: tag.sha,
    url: `${state.repoApiUrl}/git/tags/${tag.sha}`,
    message: tag.message,
    tagger: { name: tag.tagger.name, email: tag.tagger.email, date: tag.tagger.date },
    object: { sha: tag.object, type: tag.type, url: `${state.repoApiUrl}/git/${objectPath}/${tag.object}` },
    verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
  };
}

/** GitHub's signature check of a commit: valid for the commits GitHub made and signed. */
export function verificationView(state: EmulatorState, commit: CommitInfo): Json {
  return state.signedCommits.has(commit.sha)
    ? {
        verified: true,
        reason: "valid",
        signature: SIGNATURE,
        payload: null,
        verified_at: commit.committer.date,
      }
    : { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };
}

export function commitView(state: EmulatorState, commit: CommitInfo, files: ChangedFile[]): Json {
  const api = state.repoApiUrl;
  const html = state.repoHtmlUrl;
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${html}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      // GitHub signs the commits it makes (Git Data API commits for the token, merges).
      verification: verificationView(state, commit),
    },
    // GitHub maps commit emails to accounts; the emulator knows no accounts.
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${html}/commit/${sha}`,
    })),
    stats: { additions, deletions, total: additions + deletions },
    files: files.map((file) => ({
      sha: file.blob,
      filename: file.filename,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `${html}/blob/${commit.sha}/${encodePath(file.filename)}`,
      raw_url: `${html}/raw/${commit.sha}/${encodePath(file.filename)}`,
      contents_url: `${api}/contents/${encodePath(file.filename)}?ref=${commit.sha}`,
      ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
    })),
  };
}

export function releaseView(state: EmulatorState, release: ReleaseRecord): Json {
  const api = `${state.repoApiUrl}/releases/${release.id}`;
  const tagPath = release.draft ? release.untaggedId : encodeURIComponent(release.tagName);
  return {
    url: api,
    html_url: `${state.repoHtmlUrl}/releases/tag/${tagPath}`,
    assets_url: `${api}/assets`,
    upload_url: `${state.apiUrl}/uploads/repos/${state.owner}/${state.repo}/releases/${release.id}/assets{?name,label}`,
    tarball_url: release.draft ? null : `${state.repoApiUrl}/tarball/${encodeURIComponent(release.tagName)}`,
    zipball_url: release.draft ? null : `${state.repoApiUrl}/zipball/${encodeURIComponent(release.tagName)}`,
    id: release.id,
    node_id: nodeId("Release", release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    updated_at: release.updatedAt,
    author: userView(state, state.options.actor),
    assets: [],
  };
}

export function deploymentView(state: EmulatorState, deployment: DeploymentRecord): Json {
  const api = `${state.repoApiUrl}/deployments/${deployment.id}`;
  return {
    url: api,
    id: deployment.id,
    node_id: nodeId("Deployment", deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.originalEnvironment,
    environment: deployment.environment,
    description: deployment.description,
    creator: userView(state, state.options.actor),
    created_at: deployment.createdAt,
    updated_at: deployment.updatedAt,
    statuses_url: `${api}/statuses`,
    repository_url: state.repoApiUrl,
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: null,
  };
}

export function deploymentStatusView(
  state: EmulatorState,
  deployment: DeploymentRecord,
  status: DeploymentStatusRecord,
): Json {
  const deploymentUrl = `${state.repoApiUrl}/deployments/${deployment.id}`;
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId("DeploymentStatus", status.id),
    state: status.state,
    creator: userView(state, state.options.actor),
    description: status.description,
    environment: status.environment,
    target_url: status.targetUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: state.repoApiUrl,
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
    performed_via_github_app: null,
  };
}

export function runApiUrl(state: EmulatorState, run: RunRecord): string {
  return `${state.repoApiUrl}/actions/runs/${run.id}`;
}

export function runHtmlUrl(state: EmulatorState, run: RunRecord): string {
  return `${state.repoHtmlUrl}/actions/runs/${run.id}`;
}

export function workflowRunView(state: EmulatorState, run: RunRecord, now: number = Date.now()): Json {
  const view = state.runView(run, now);
  const api = runApiUrl(state, run);
  const commit = state.git.readCommit(run.headSha);
  const actor = userView(state, { ...state.options.actor, login: run.actorLogin });
  return {
    id: run.id,
    name: run.workflowName,
    node_id: nodeId("WorkflowRun", run.id),
    check_suite_id: run.id + 1_000_000_000,
    check_suite_node_id: nodeId("CheckSuite", run.id + 1_000_000_000),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.workflowPath,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    run_attempt: 1,
    referenced_workflows: [],
    event: run.event,
    status: view.status,
    conclusion: view.conclusion,
    workflow_id: run.workflowId,
    url: api,
    html_url: runHtmlUrl(state, run),
    pull_requests: [],
    created_at: isoSeconds(run.createdAt),
    updated_at: isoSeconds(view.updatedAt),
    actor,
    triggering_actor: actor,
    run_started_at: isoSeconds(view.startedAt),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${state.repoApiUrl}/check-suites/${run.id + 1_000_000_000}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${state.repoApiUrl}/actions/workflows/${run.workflowId}`,
    head_commit: commit
      ? {
          id: commit.sha,
          tree_id: commit.tree,
          message: commit.message,
          timestamp: commit.committer.date,
          author: { name: commit.author.name, email: commit.author.email },
          committer: { name: commit.committer.name, email: commit.committer.email },
        }
      : null,
    repository: minimalRepositoryView(state),
    head_repository: minimalRepositoryView(state),
    head_repository_id: state.repositoryId,
  };
}
