/** What a GITHUB_TOKEN's `permissions:` block grants, per scope. */
export type Scope = "contents" | "deployments" | "actions" | "issues" | "pull-requests" | "metadata";
export type Access = "none" | "read" | "write";
export type Permissions = Partial<Record<Scope, Access>>;

export type RunStatus = "requested" | "queued" | "pending" | "waiting" | "in_progress" | "completed";
export type RunConclusion =
  | "success"
  | "failure"
  | "cancelled"
  | "skipped"
  | "timed_out"
  | "action_required"
  | "neutral"
  | "stale"
  | "startup_failure";

/** How the runs of one workflow behave after a dispatch. */
export interface WorkflowBehaviour {
  /** Time spent `queued` (default 50 ms). */
  queuedMs?: number;
  /** Time spent `waiting` for an environment approval after the queue (default 0: no approval). */
  waitingMs?: number;
  /** Time spent `in_progress` (default 100 ms; Infinity never completes). */
  runMs?: number;
  /** The conclusion once completed (default "success"). */
  conclusion?: RunConclusion;
  /** A `run-name:` template overriding the workflow file's, e.g. "Rollback ${{ inputs.correlation-id }}". */
  runName?: string;
}

export interface DeploymentBehaviour {
  /**
   * What a deployment with `auto_merge` (GitHub's default: true) of a branch that lacks the default
   * branch's head does: GitHub merges (202, no deployment) or reports a conflict (409). Default "merged".
   */
  autoMerge?: "merged" | "conflict";
  /** Commit status contexts that are failing: a deployment that requires them answers 422. */
  failingContexts?: string[];
  /** Answer this to every create-deployment call, whatever the request (to test error reporting). */
  forceOutcome?: 202 | 409 | 422;
  /**
   * auto_inactive also deactivates production deployments. GitHub's description says it covers
   * "non-transient, non-production" deployments only, which is the default here.
   */
  autoInactiveProduction?: boolean;
  /**
   * GraphQL's `deployments(environments:)` matches names with their case (GitHub does not say
   * either way; the default here compares without case, as GitHub compares environment names).
   */
  caseSensitiveEnvironmentFilter?: boolean;
}

export interface Actor {
  login: string;
  id: number;
  type: "Bot" | "User" | "Organization";
}

export interface EmulatorOptions {
  /** GitHub's copy of the repository: a real git repository (bare or not). Refs written through the API land here. */
  gitDir: string;
  owner?: string;
  repo?: string;
  /** Default: the branch HEAD of gitDir names. */
  defaultBranch?: string;
  /** The token clients must send (`authorization: token X` or `Bearer X`). */
  token?: string;
  /** GITHUB_TOKEN permissions; when given, a call needing more answers 403. Default: everything. */
  permissions?: Permissions;
  /** Repository setting "immutable releases": published releases lock their tag and burn its name. */
  immutableReleases?: boolean;
  /** A tag ruleset restricting creations: true for every tag, or a glob such as "v*". */
  rulesetBlocksTags?: boolean | string;
  /**
   * The token lacks the `workflow` scope: creating a release whose new tag's commit changes
   * .github/workflows/ answers 404, and creating or moving a ref to a commit whose
   * .github/workflows/ differ from the default branch's answers 403 with the endpoint's accepted
   * permissions (`x-accepted-github-permissions: contents=write`), exactly as a missing
   * `contents: write` does.
   */
  workflowScopeMissing?: boolean;
  /**
   * The repository's Issues feature is off (Settings > Features): writing an issue or a comment
   * and reading one answer 410, listing the issues answers 404 (GitHub documents 410 for writes
   * only, and a list may answer 404), and the repository says `has_issues: false`.
   */
  issuesDisabled?: boolean;
  /**
   * The token's owner lacks push access: GitHub silently drops the labels given to create an issue
   * (and makes none), and answers 201 with the issue unlabelled.
   */
  dropIssueLabels?: boolean;
  /**
   * Branches protected by a rule that requires pull requests (branch protection or a ruleset):
   * moving or deleting them through the API (PATCH/DELETE git/refs) answers 422 "Changes must be
   * made through a pull request." Merging a pull request into them still works.
   */
  protectedBranches?: string[];
  /**
   * The repository setting "Allow GitHub Actions to create and approve pull requests" is off:
   * POST pulls answers 403 "GitHub Actions is not permitted to create or approve pull requests."
   * to the GITHUB_TOKEN (actor github-actions[bot]); another `actor` (a GitHub App, a PAT's user) may.
   */
  forbidPullRequestCreation?: boolean;
  /** Answer 422 to `return_run_details` like a GitHub Enterprise Server that predates it. */
  refuseRunDetails?: boolean;
  deployments?: DeploymentBehaviour;
  /** Behaviour of every dispatched run, then per workflow file name ("deploy.yml"). */
  runs?: WorkflowBehaviour;
  workflows?: Record<string, WorkflowBehaviour>;
  /** Requests allowed per hour before the primary rate limit answers 403 (GITHUB_TOKEN: 1000). */
  rateLimit?: number;
  /** The web host for html_url fields (default https://github.com). */
  serverUrl?: string;
  /** Who the token belongs to (default github-actions[bot]). */
  actor?: Actor;
  /** Called after a workflow dispatch created a run (to start that run for real in an e2e test). */
  onDispatch?: (dispatch: DispatchNotice) => void;
}

export interface DispatchNotice {
  /** The workflow file name, e.g. "rollback.yml". */
  workflow: string;
  ref: string;
  /** The inputs as the client sent them. */
  inputs: Record<string, unknown>;
  runId: number;
}

export const DEFAULT_TOKEN = "ghs_shipguardEmulatorToken000000000000000";

export const GITHUB_ACTIONS_BOT: Actor = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

export interface ResolvedOptions
  extends Required<
      Pick<EmulatorOptions, "gitDir" | "owner" | "repo" | "token" | "serverUrl" | "actor" | "rateLimit">
    >,
    Omit<EmulatorOptions, "gitDir" | "owner" | "repo" | "token" | "serverUrl" | "actor" | "rateLimit"> {
  defaultBranch: string;
}
