import { GitRepository, type RefEntry } from "./git-objects.ts";
import type { IssueRecord, LabelRecord } from "./issues.ts";
import type { ResolvedOptions, RunConclusion, RunStatus, WorkflowBehaviour } from "./options.ts";
import type { PullRecord } from "./pulls.ts";

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  /** Published while the repository had immutable releases on: the tag is locked. */
  immutable: boolean;
  makeLatest: "true" | "false" | "legacy";
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  /** The placeholder GitHub shows in a draft's html_url ("untagged-..."). */
  untaggedId: string;
}

export type DeploymentState =
  | "error"
  | "failure"
  | "inactive"
  | "in_progress"
  | "queued"
  | "pending"
  | "success";

export interface DeploymentStatusRecord {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  targetUrl: string;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: Record<string, unknown> | string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  statuses: DeploymentStatusRecord[];
}

export interface RunRecord {
  id: number;
  workflowId: number;
  workflowPath: string;
  workflowName: string;
  runNumber: number;
  displayTitle: string;
  event: string;
  headBranch: string;
  headSha: string;
  inputs: Record<string, unknown>;
  actorLogin: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  behaviour: Required<Omit<WorkflowBehaviour, "runName">>;
  /** Set by a test to take the run off its clock. */
  forced?: { status: RunStatus; conclusion: RunConclusion | null; at: number };
}

export interface DispatchRecord {
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
  returnRunDetails: boolean | undefined;
  runId: number;
  at: number;
}

type IdKind = "release" | "deployment" | "status" | "run" | "issue" | "comment" | "label";

export interface RunView {
  status: RunStatus;
  conclusion: RunConclusion | null;
  startedAt: number;
  updatedAt: number;
}

const DEFAULT_BEHAVIOUR: Required<Omit<WorkflowBehaviour, "runName">> = {
  queuedMs: 50,
  waitingMs: 0,
  runMs: 100,
  conclusion: "success",
};

export function isoSeconds(time: number = Date.now()): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Everything the emulated GitHub knows, inspectable by tests. Refs and tag objects live in the git
 * repository (see GitRepository); releases, deployments and workflow runs live here.
 */
export class EmulatorState {
  readonly git: GitRepository;
  readonly releases: ReleaseRecord[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly runs: RunRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  /** Issues and pull requests, which share GitHub's numbering: issues[n - 1] is number n. */
  readonly issues: IssueRecord[] = [];
  /** The repository's labels (issues/create makes the ones it is given that do not exist yet). */
  readonly labels: LabelRecord[] = [];
  /** Pull requests (each is also in `issues`, under the same number). */
  readonly pulls: PullRecord[] = [];
  /** Commits GitHub made and signed (Git Data API commits without a committer, merges): "verified". */
  readonly signedCommits = new Set<string>();
  /** Tag names an immutable release has used: never again a release (or a tag) of that name. */
  readonly burnedTags = new Set<string>();
  readonly repositoryId = 700_000_001;
  readonly createdAt = isoSeconds(Date.parse("2024-01-02T03:04:05Z"));
  /** Set once the server listens. */
  apiUrl = "";
  private latestReleaseId: number | undefined;
  private readonly workflowIds = new Map<string, number>();
  private readonly nextIds: Record<IdKind, number> = {
    release: 180_000_001,
    deployment: 2_400_000_001,
    status: 5_100_000_001,
    run: 17_000_000_001,
    issue: 3_200_000_001,
    comment: 2_900_000_001,
    label: 8_100_000_001,
  };

  readonly options: ResolvedOptions;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.git = new GitRepository(options.gitDir);
  }

  get owner(): string {
    return this.options.owner;
  }

  get repo(): string {
    return this.options.repo;
  }

  get defaultBranch(): string {
    return this.options.defaultBranch;
  }

  /** The API URL of the repository, e.g. http://127.0.0.1:4321/repos/acme/app. */
  get repoApiUrl(): string {
    return `${this.apiUrl}/repos/${this.owner}/${this.repo}`;
  }

  get repoHtmlUrl(): string {
    return `${this.options.serverUrl}/${this.owner}/${this.repo}`;
  }

  newId(kind: IdKind): number {
    const id = this.nextIds[kind];
    this.nextIds[kind] += 1;
    return id;
  }

  // --- refs (in git) -------------------------------------------------------------------------

  refs(): RefEntry[] {
    return this.git.listRefs();
  }

  tags(): RefEntry[] {
    return this.refs().filter((entry) => entry.ref.startsWith("refs/tags/"));
  }

  /** The commit a branch, tag, full ref or (abbreviated) sha stands for. */
  resolveCommitish(name: string): string | undefined {
    const candidates = /^[0-9a-f]{4,40}$/i.test(name) ? [name] : [];
    candidates.push(`refs/heads/${name}`, `refs/tags/${name}`);
    if (name.startsWith("refs/")) candidates.unshift(name);
    else if (name.startsWith("heads/") || name.startsWith("tags/")) candidates.push(`refs/${name}`);
    for (const candidate of candidates) {
      const sha = candidate.startsWith("refs/") ? this.git.readRef(candidate) : this.git.expandSha(candidate);
      const commit = sha ? this.git.peelToCommit(sha) : undefined;
      if (commit) return commit;
    }
    return undefined;
  }

  /** A branch or tag name (never a sha), as workflow dispatch accepts. */
  resolveBranchOrTag(name: string): { ref: string; shortName: string; sha: string } | undefined {
    const candidates = name.startsWith("refs/") ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`];
    for (const ref of candidates) {
      const sha = this.git.readRef(ref);
      const commit = sha ? this.git.peelToCommit(sha) : undefined;
      if (commit) return { ref, shortName: ref.replace(/^refs\/(heads|tags)\//, ""), sha: commit };
    }
    return undefined;
  }

  defaultBranchSha(): string | undefined {
    return this.resolveBranchOrTag(this.defaultBranch)?.sha;
  }

  /** A published immutable release holds this tag: it cannot move or be deleted. */
  tagLockedByImmutableRelease(tagName: string): boolean {
    return this.releases.some(
      (release) => release.tagName === tagName && release.immutable && !release.draft,
    );
  }

  // --- releases ------------------------------------------------------------------------------

  publishedRelease(tagName: string): ReleaseRecord | undefined {
    return this.releases.find((release) => release.tagName === tagName && !release.draft);
  }

  markLatest(release: ReleaseRecord): void {
    this.latestReleaseId = release.id;
  }

  /**
   * The release GET /releases/latest answers: the one last marked latest, else the most recent
   * published full release (GitHub's "legacy" rule).
   */
  latestRelease(): ReleaseRecord | undefined {
    const eligible = this.releases.filter((release) => !release.draft && !release.prerelease);
    const marked = eligible.find((release) => release.id === this.latestReleaseId);
    if (marked) return marked;
    return eligible.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
  }

  // --- workflows and runs --------------------------------------------------------------------

  workflowId(path: string): number {
    let id = this.workflowIds.get(path);
    if (id === undefined) {
      id = 90_000_001 + this.workflowIds.size;
      this.workflowIds.set(path, id);
    }
    return id;
  }

  workflowPathById(id: number): string | undefined {
    for (const [path, known] of this.workflowIds) if (known === id) return path;
    return undefined;
  }

  behaviourFor(file: string): Required<Omit<WorkflowBehaviour, "runName">> & { runName?: string } {
    return { ...DEFAULT_BEHAVIOUR, ...this.options.runs, ...this.options.workflows?.[file] };
  }

  /** Where a run stands now: queued, then waiting (approval), then in_progress, then completed. */
  runView(run: RunRecord, now: number = Date.now()): RunView {
    const { queuedMs, waitingMs, runMs, conclusion } = run.behaviour;
    const startedAt = run.createdAt + queuedMs + waitingMs;
    if (run.forced) {
      return {
        status: run.forced.status,
        conclusion: run.forced.conclusion,
        startedAt,
        updatedAt: run.forced.at,
      };
    }
    if (now < run.createdAt + queuedMs) {
      return { status: "queued", conclusion: null, startedAt: run.createdAt, updatedAt: run.createdAt };
    }
    if (now < startedAt) {
      return { status: "waiting", conclusion: null, startedAt, updatedAt: run.createdAt + queuedMs };
    }
    if (now < startedAt + runMs)
      return { status: "in_progress", conclusion: null, startedAt, updatedAt: startedAt };
    return { status: "completed", conclusion, startedAt, updatedAt: startedAt + runMs };
  }

  /** Takes a run off its clock: a test decides how it ends. */
  setRunStatus(runId: number, status: RunStatus, conclusion: RunConclusion | null = null): void {
    const run = this.runs.find((candidate) => candidate.id === runId);
    if (!run) throw new Error(`no run ${runId}`);
    run.forced = {
      status,
      conclusion: status === "completed" ? (conclusion ?? "success") : null,
      at: Date.now(),
    };
  }

  completeRun(runId: number, conclusion: RunConclusion = "success"): void {
    this.setRunStatus(runId, "completed", conclusion);
  }

  // --- deployments ---------------------------------------------------------------------------

  deployment(id: number): DeploymentRecord | undefined {
    return this.deployments.find((deployment) => deployment.id === id);
  }

  /** The newest status of a deployment, if any. */
  latestStatus(deployment: DeploymentRecord): DeploymentStatusRecord | undefined {
    return deployment.statuses.at(-1);
  }
}
