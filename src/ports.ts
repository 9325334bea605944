/**
 * The ports commands talk through. Each has a GitHub-side and a local adapter (or, for git, the
 * one git CLI adapter both sides use). Commands receive these; they never build them.
 */

import type {
  DeploymentKind,
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStatus,
} from "./core/deployment-record.ts";
import type { DatedCommit } from "./core/metrics/lead-time.ts";
import type { Delivery, Incident, IncidentRecord, NotificationEvent } from "./core/notify/event.ts";
import type { ChangedCommit } from "./core/packages.ts";
import type {
  AttemptOutcome,
  AttemptTimings,
  Cause,
  CheckKind,
  CheckReport,
  CheckSuite,
  SampleStats,
  SmokeReport,
  Verdict,
} from "./core/smoke/types.ts";
import type { RawCommit } from "./core/types.ts";
import type { CommitRequest, PullRequestPort, StoredFile, TreeListing } from "./release-ports.ts";

export type {
  CommitRequest,
  FileChange,
  PullRequestInfo,
  PullRequestPort,
  StoredFile,
} from "./release-ports.ts";
export type {
  CheckReport,
  DatedCommit,
  DeploymentKind,
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStatus,
  SmokeReport,
};

/** Where messages go. `untrusted` is for text that came from commits, branches or titles. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  /** Prints text that may contain attacker-chosen lines without letting it act as a workflow command. */
  untrusted(text: string): void;
}

export interface TagRef {
  name: string;
  /** The commit the tag points at (peeled through annotated tag objects). */
  sha: string;
}

/** A tag with its commit's committer date, for ordering the tags of several packages by age. */
export interface DatedTagRef extends TagRef {
  /** Seconds since the epoch. */
  date: number;
}

export interface Git extends TreeListing {
  /**
   * One look at the clone: its top folder, HEAD (null in a repository without commits) and whether
   * it is shallow; null when the folder is not inside a git work tree.
   */
  inspect(): Promise<{ topLevel: string; head: string | null; shallow: boolean } | null>;
  /** The checked-out branch name, or null on a detached HEAD. */
  currentBranch(): Promise<string | null>;
  hasRemote(name: string): Promise<boolean>;
  /** Fetches full history (when shallow) and all tags from the remote. */
  fetchHistoryAndTags(remote: string, unshallow: boolean): Promise<void>;
  listTags(pattern: string): Promise<TagRef[]>;
  /** The commit a tag points at (peeled), or null when there is no such tag. */
  tagCommit(tag: string): Promise<string | null>;
  /** The commit a ref (branch, tag, SHA) names, or null when it names none. */
  resolveCommit(ref: string): Promise<string | null>;
  /** Files changed between two commits (either direction), paths relative to the repository. */
  changedFiles(from: string, to: string): Promise<string[]>;
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /**
   * Streams every commit reachable from `to` and not from `exclude` (all parents), every child
   * before its parents.
   * Nothing is held beyond the commit being delivered.
   */
  streamCommits(
    to: string,
    exclude: string | null,
    onCommit: (commit: RawCommit) => void,
    /** Excluded commits next to the range (git log --boundary): see GitCli.streamCommits. */
    onBoundary?: (sha: string) => void,
    /**
     * Called at most once, before the range is delivered again from its start (a first, faster
     * read could not be trusted): drop everything received so far.
     */
    onRestart?: () => void,
  ): Promise<void>;
  /** The tags that match any of the patterns (`api-v*`), with their commit's date, in one read. */
  listTagsDated(patterns: string[]): Promise<DatedTagRef[]>;
  /** The tags that match any of the patterns and point at `commit` or an ancestor of it. */
  listReachableTags(commit: string, patterns: string[]): Promise<TagRef[]>;
  /** The best common ancestor of all the commits (`git merge-base --octopus`), or null when none. */
  mergeBase(commits: string[]): Promise<string | null>;
  /**
   * Streams every commit reachable from any of `tips` and not from `exclude` (all of their history
   * when null), every child before its parents, with the files it changes (a merge: against its
   * first parent; a rename: both paths). One git process; nothing is held beyond the commit being
   * delivered.
   */
  streamChanges(
    tips: readonly string[],
    exclude: string | null,
    onCommit: (commit: ChangedCommit) => void,
  ): Promise<void>;
  /** Each file's text (path from the root) in `commit`, null when absent; one `git cat-file --batch`. */
  readFiles(commit: string, paths: readonly string[]): Promise<Map<string, string | null>>;
  /**
   * Each file (path from the root) in `commit` as a release edits it: its text, checked to be
   * UTF-8 (decoded strictly, never silently repaired); null when absent.
   */
  readStoredFiles(commit: string, paths: readonly string[]): Promise<Map<string, StoredFile | null>>;
  /** A commit's parents and raw message, or null when `ref` names no commit. */
  readCommit(ref: string): Promise<{ sha: string; parents: string[]; message: string } | null>;
  /**
   * The commits reachable from `to` and from none of `exclude`, each with its committer date, in
   * one git process (lead time for changes). Every commit named must be in the local history: ask
   * missingCommits first.
   */
  datedCommits(to: string, exclude: readonly string[]): Promise<DatedCommit[]>;
  /** Which of these commits the local history lacks, in one git process. */
  missingCommits(shas: readonly string[]): Promise<string[]>;
}

/** A published or draft release of a tag. */
export interface ReleaseInfo {
  id: number;
  url: string;
  draft: boolean;
  tagName: string;
}

/**
 * Where tags and releases are written: GitHub's REST API, or the local repository (tags only; the
 * notes go to stdout or a file).
 */
export interface Forge {
  /** Where the release lives, for messages: "octo/app on GitHub", "the local repository". */
  readonly describe: string;
  /** The commit a tag points at (peeled), or null when there is no such tag. */
  tagCommit(tag: string): Promise<string | null>;
  /**
   * Creates an annotated tag on `sha`. "exists" when the ref was already there: the first writer
   * wins, and the caller reads the tag to learn whether it was this same release.
   */
  createTag(tag: string, sha: string, message: string): Promise<"created" | "exists">;
  /**
   * Points a plain (lightweight) tag at `sha`, creating or moving it; "kept" when it was there
   * already, so a re-run of a complete release writes nothing.
   */
  moveTag(tag: string, sha: string): Promise<"moved" | "kept">;
  /**
   * For a tag found already on `sha`: makes sure it is also where this forge shares tags (the
   * local backend's remote), so a re-run finishes a push an earlier run did not do. Absent when
   * the forge writes in one place only (GitHub).
   */
  shareTag?(tag: string, sha: string): Promise<TagSharing>;
  /** Releases, when the forge has them (GitHub); absent for the local repository. */
  readonly releases?: ReleasePort;
  /**
   * Writes a release's file changes as one commit whose parent is `parent` and points `branch` at
   * it. GitHub: one tree with every file's content inline, one commit (GitHub signs it), one ref
   * update (fast-forward only unless `force`; a protected branch's refusal is SG_BRANCH_PROTECTED).
   * Local: the files written in the working tree and committed on the checked-out `branch`.
   * Unless forced, when the branch's tip already is such a commit (on `parent`, with this message:
   * an earlier run's that was not tagged), that commit is the answer, `found`: never a second one.
   */
  commitFiles(request: CommitRequest): Promise<{ sha: string; found: boolean }>;
  /** Pull requests, when the forge has them (GitHub); absent for the local repository. */
  readonly pullRequests?: PullRequestPort;
}

/** Where a tag stands on the remote: there already, pushed now, or there on another commit. */
export type TagSharing =
  | { state: "present" | "pushed"; where: string }
  | { state: "conflict"; where: string; remoteSha: string | null };

export interface ReleasePort {
  find(tag: string): Promise<ReleaseInfo | null>;
  createDraft(input: { tag: string; name: string; body: string; prerelease: boolean }): Promise<ReleaseInfo>;
  /**
   * Publishes a draft. "taken" when another release of the tag was published first (another run
   * racing on the same commit): GitHub keeps one published release per tag, so this draft is left
   * as it is and `by` is the one that was published.
   */
  publish(release: ReleaseInfo, options: { makeLatest: boolean }): Promise<PublishOutcome>;
  /** Deletes a draft; one that is gone already is fine. */
  deleteDraft(release: ReleaseInfo): Promise<void>;
}

export type PublishOutcome =
  | { state: "published"; release: ReleaseInfo }
  | { state: "taken"; by: ReleaseInfo };

/* ---------------------------------------------------------------- deployments ---------- */

export interface NewDeployment {
  environment: string;
  /** The commit to deploy (GitHub: the deployment's ref). */
  sha: string;
  payload: DeploymentPayload;
  description: string;
  /** e.g. production environments are not auto-inactivated by GitHub. */
  productionEnvironment?: boolean;
}

export interface StatusUpdate {
  state: DeploymentState;
  description: string;
  logUrl?: string | null;
  environmentUrl?: string | null;
}

/**
 * The record of what ran where: GitHub Deployments, or the local ledger file. The same "last
 * known good" question is answered from either, by the rule in core/.
 */
export interface Ledger {
  readonly describe: string;
  /** Creates the deployment; a retried create with the same correlation id returns the first one. */
  create(input: NewDeployment): Promise<DeploymentRecord>;
  setStatus(record: DeploymentRecord, update: StatusUpdate): Promise<void>;
  /** shipguard's deployments of an environment, newest first, read page by page as consumed. */
  history(environment: string): AsyncIterable<DeploymentRecord>;
  /** A deployment's statuses, oldest first. */
  statuses(record: DeploymentRecord): Promise<DeploymentStatus[]>;
  findByCorrelation(environment: string, correlationId: string): Promise<DeploymentRecord | null>;
  /**
   * Every shipguard deployment (deploys and rollbacks) created before `until`, of one environment
   * or of all (null), each with its statuses oldest first, for delivery metrics. GitHub reads them
   * through GraphQL, 100 deployments with their statuses per request.
   */
  allDeployments(environment: string | null, until: Date): Promise<DeploymentWithStatuses[]>;
}

export interface DeploymentWithStatuses {
  record: DeploymentRecord;
  statuses: DeploymentStatus[];
}

/* ---------------------------------------------------------------- workflows ------------ */

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

export interface DispatchedRun {
  /** Null only when the run could not be found yet (the caller may wait for it). */
  id: number | null;
  url: string | null;
}

/** Starts a workflow_dispatch run and follows it. */
export interface Dispatcher {
  /**
   * Dispatches `workflow` on `ref` with string inputs. The correlation id must also be among the
   * inputs (and shown in the workflow's run-name), so the run is found on servers that do not
   * return run details, and a retried dispatch is recognised instead of sent twice.
   */
  dispatch(input: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
    correlationId: string;
  }): Promise<DispatchedRun>;
  /** Waits for the run to complete; a timeout is a failure, not a warning. */
  wait(
    run: DispatchedRun & { id: number },
    options: {
      timeoutMs: number;
      pollMs?: number;
      onStatus?: (status: string) => void;
      signal?: AbortSignal;
    },
  ): Promise<{ conclusion: RunConclusion | "timed_out_waiting"; url: string | null }>;
  /** The runs of `workflow` not completed yet (requested, queued, pending, waiting, in progress), newest first. */
  activeRuns(workflow: string): Promise<ActiveRun[]>;
  /**
   * Cancels a run (a cancelled deploy's dispatched deploy workflow): `cancelled` when GitHub took the
   * request, `completed` when the run had already ended. Throws what GitHub refused otherwise.
   */
  cancel(run: { id: number }): Promise<"cancelled" | "completed">;
}

export interface ActiveRun {
  id: number;
  url: string;
  status: string;
  /** The rendered run-name. */
  title: string;
}

/* ---------------------------------------------------------------- deployers ------------ */

/** What is being deployed, as deploy commands see it (SHIPGUARD_* variables). */
export interface DeployTarget {
  version: string;
  tag: string | null;
  sha: string;
  environment: string;
  previousVersion: string | null;
  /** deploy or rollback: commands may act differently. */
  kind: DeploymentKind;
  correlationId: string;
  /** Versions a strategy that prunes old releases must keep (the last known good one). */
  keep?: string[];
  /** The share of traffic this step sends to the version (traffic-steps); absent for a plain deploy. */
  trafficPercent?: number;
}

export interface DeployOutcome {
  ok: boolean;
  /** Why it failed, for the message and the deployment status. */
  failure: string | null;
  /** Last lines of the deploy's own output, for the log and the summary. */
  logTail: string[];
  /** Where the deploy's own run is (workflow strategy). */
  runUrl: string | null;
}

export interface Deployer {
  readonly strategy: "command" | "workflow" | "symlink";
  /** Work that can happen while the old version still serves (pull images, stage files). */
  prepare(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome>;
  /** The switch itself. */
  deploy(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome>;
}

/** The SHIPGUARD_* variables of a target: how versions reach user commands (never in the string). */
export function targetEnvironment(target: DeployTarget): Record<string, string> {
  return {
    SHIPGUARD_VERSION: target.version,
    SHIPGUARD_TAG: target.tag ?? "",
    SHIPGUARD_SHA: target.sha,
    SHIPGUARD_ENVIRONMENT: target.environment,
    SHIPGUARD_PREVIOUS_VERSION: target.previousVersion ?? "",
    SHIPGUARD_KIND: target.kind,
    SHIPGUARD_CORRELATION_ID: target.correlationId,
    // Only in a traffic step: a plain deploy's command never sees the variable.
    ...(target.trafficPercent === undefined
      ? {}
      : { SHIPGUARD_TRAFFIC_PERCENT: String(target.trafficPercent) }),
  };
}

/* ---------------------------------------------------------------- smoke checks --------- */

export type { Clock, Probe, ProbeContext, Probes, Slots } from "./probe-ports.ts";
export type { AttemptOutcome, AttemptTimings, Cause, CheckKind, SampleStats, Verdict };

/* ---------------------------------------------------------------- deploy loop ---------- */

/** The checks of a run, read and validated before anything is deployed, and how to run them. */
export interface SmokePort {
  suite: CheckSuite;
  /** `signal` cancels the run: undecided checks conclude as inconclusive (`aborted`). */
  run(suite: CheckSuite, env: Record<string, string>, signal?: AbortSignal): Promise<SmokeReport>;
}

/** Runs a workflow author's command (before-rollback, after-rollback) with this environment. */
export interface HookRunner {
  /** Never throws for a failed command: the failure is in the answer. */
  run(
    label: string,
    command: string,
    env: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<{ ok: boolean; failure: string | null; tail: string[] }>;
}

export interface RollbackRequest {
  environment: string;
  toVersion: string;
  fromVersion: string;
  reason: string;
  correlationId: string;
}

/** How a started rollback went, as far as the deploy that started it can tell. */
export interface RollbackStart {
  url: string | null;
  /** `started`: dispatched to its own run; the others: it ran in this process. */
  status: "started" | "success" | "failure" | "blocked";
  detail: string;
}

/** Starts a rollback after a failed deploy: a workflow dispatch on GitHub, in process on the CLI. */
export interface RollbackStarter {
  start(request: RollbackRequest): Promise<RollbackStart>;
  /**
   * A rollback of `environment` that is queued or running elsewhere (a dispatched run), which a
   * deploy must not overtake; null when there is none or the starter cannot tell (in process).
   */
  pending?(environment: string): Promise<{ workflow: string; url: string; status: string } | null>;
}

/* ---------------------------------------------------------------- telling people ------- */

export type { Delivery, Incident, IncidentRecord, NotificationEvent };

/**
 * What a caller may bound one send by, on top of the notifier's own deadline (15 s after its first
 * try): an earlier absolute deadline, in ms since the epoch (as `Date.now()`), and a signal that
 * ends every try and wait at once. A delivery cut short reports why; `send` still never rejects.
 */
export interface SendLimits {
  deadline?: number;
  signal?: AbortSignal;
}

/**
 * Sends one event to every configured webhook, in parallel. Never throws: each delivery reports.
 * Every send of one notifier shares one deadline, counted from its first try.
 */
export interface Notifier {
  send(event: NotificationEvent, limits?: SendLimits): Promise<Delivery[]>;
}

/**
 * Where incidents are written: a GitHub issue per incident id (label `shipguard:incident`), or a
 * markdown file per incident id locally. Recording the same event of the same incident twice
 * changes nothing; a new event of it is added to what is there.
 */
export interface IncidentLog {
  readonly describe: string;
  record(incident: Incident): Promise<IncidentRecord>;
}
