/**
 * The rules over deployment records, the same for GitHub Deployments and the local ledger: which
 * payloads are shipguard's, which deployment is the last known good one, and how a description
 * fits GitHub's limit. Pure: the adapters read the records, these rules judge them.
 */
import type {
  DeploymentKind,
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStatus,
} from "./deployment-record.ts";

/**
 * Whether two environment names name one environment: GitHub compares them without case, so
 * `Production` and `production` are one, and the local ledger reads them the same way.
 */
export function sameEnvironment(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** GitHub answers 422 to a deployment status description longer than this. */
export const DESCRIPTION_LIMIT = 140;

/** The task GitHub records for each kind, so rollbacks can be told apart in GitHub's own UI. */
export function taskFor(kind: DeploymentKind): "deploy" | "deploy:rollback" {
  return kind === "rollback" ? "deploy:rollback" : "deploy";
}

/**
 * The payload of a deployment read back from GitHub or the ledger, or null when it is not
 * shipguard's (other tools, a job's `environment:`, a newer schema): such records are skipped,
 * never guessed at. GitHub may hand back a payload sent as a string, so JSON text is read too.
 */
export function payloadFrom(raw: unknown): DeploymentPayload | null {
  const value = typeof raw === "string" ? parseJson(raw) : raw;
  if (!isObject(value)) return null;
  if (value.tool !== "shipguard" || value.schema !== 1) return null;
  const { kind, version, sha, correlationId } = value;
  if (kind !== "deploy" && kind !== "rollback") return null;
  if (!isNonEmptyString(version) || !isNonEmptyString(sha) || !isNonEmptyString(correlationId)) return null;
  const tag = nullableString(value.tag);
  const reason = nullableString(value.reason);
  const runUrl = nullableString(value.runUrl);
  if (tag === undefined || reason === undefined || runUrl === undefined) return null;
  const rolledBackFrom = rolledBackFromOf(value.rolledBackFrom);
  if (rolledBackFrom === undefined) return null;
  // A fresh object of the known fields only: nothing unvalidated travels further.
  return {
    tool: "shipguard",
    schema: 1,
    kind,
    version,
    tag,
    sha,
    rolledBackFrom,
    reason,
    runUrl,
    correlationId,
  };
}

function rolledBackFromOf(value: unknown): DeploymentPayload["rolledBackFrom"] | undefined {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return undefined;
  const { id, version } = value;
  if (!isNonEmptyString(id) || typeof version !== "string") return undefined;
  return { id, version };
}

/** Absent counts as null (a writer that dropped nulls); any other type makes the payload foreign. */
function nullableString(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : undefined;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const STATES: ReadonlySet<string> = new Set<DeploymentState>([
  "queued",
  "pending",
  "in_progress",
  "success",
  "failure",
  "error",
  "inactive",
]);

/** Whether a state read back from GitHub or the ledger file is one the port knows. */
export function isDeploymentState(value: unknown): value is DeploymentState {
  return typeof value === "string" && STATES.has(value);
}

/**
 * Whether a deployment never reached a final state: no status yet, queued, pending or in progress.
 * When no run is working on the environment any more, such a record was interrupted.
 */
export function isUnfinished(statuses: readonly DeploymentStatus[]): boolean {
  const state = latestState(statuses);
  return state === null || state === "queued" || state === "pending" || state === "in_progress";
}

/**
 * How the final (`failure`) description of a rollback stopped by SIGINT or SIGTERM begins. GitHub's
 * deployment statuses have no field to mark a cancel, so this prefix, which only shipguard writes, is
 * the marker; records written before it was read already begin so.
 */
const ROLLBACK_CANCELLED = "Rollback cancelled by ";

/** "Rollback cancelled by SIGINT during the deploy": the description a cancelled rollback ends with. */
export function cancelledRollbackDescription(signal: string, where: string): string {
  return `${ROLLBACK_CANCELLED}${signal}${where}`;
}

/**
 * A rollback cancelled before it finished: recorded `failure`, but not a rollback that failed. It
 * counts as not done: a re-run finishes it, and the next rollback takes it over.
 */
export function wasCancelledRollback(
  record: DeploymentRecord,
  statuses: readonly DeploymentStatus[],
): boolean {
  const last = statuses.at(-1);
  return (
    record.payload.kind === "rollback" &&
    last?.state === "failure" &&
    last.description.startsWith(ROLLBACK_CANCELLED)
  );
}

/** How the final (`failure`) description of a deploy stopped by SIGINT or SIGTERM begins: its marker. */
const DEPLOY_CANCELLED = "Cancelled by ";

/** "Cancelled by SIGTERM at 50% (step 2 of 3); traffic is back to 0%": a cancelled deploy's description. */
export function cancelledDeployDescription(signal: string, rest: string): string {
  return `${DEPLOY_CANCELLED}${signal}${rest}`;
}

/**
 * A deploy or rollback cancelled by SIGINT or SIGTERM before it finished: recorded `failure`, but
 * it did not fail. It counts as not done: a re-run of its job (the same correlation id) finishes
 * it, as a re-run of an interrupted one does.
 */
export function wasCancelled(record: DeploymentRecord, statuses: readonly DeploymentStatus[]): boolean {
  if (record.payload.kind === "rollback") return wasCancelledRollback(record, statuses);
  const last = statuses.at(-1);
  return last?.state === "failure" && last.description.startsWith(DEPLOY_CANCELLED);
}

/** The newest state of a deployment (statuses oldest first), or null before its first status. */
export function latestState(statuses: readonly DeploymentStatus[]): DeploymentState | null {
  return statuses.at(-1)?.state ?? null;
}

/**
 * Whether the deployment ever reached `success`. GitHub later marks it `inactive` when a newer
 * one succeeds; that says it no longer serves, not that it was bad, so it stays good.
 */
/**
 * Reached success and was not failed afterwards. A later `inactive` (GitHub's auto_inactive when a
 * newer deployment succeeds) keeps it good; a later `failure` or `error` (a watch window that
 * caught a regression after the first checks passed) does not.
 */
export function hasSucceeded(statuses: readonly DeploymentStatus[]): boolean {
  let good = false;
  for (const status of statuses) {
    if (status.state === "success") good = true;
    else if (status.state === "failure" || status.state === "error") good = false;
  }
  return good;
}

export interface LastKnownGoodOptions {
  /** Deployments that cannot be the answer (the failing one a rollback moves away from). */
  excludeIds?: readonly string[];
  /** Versions that cannot be the answer (the version that just failed). */
  excludeVersions?: readonly string[];
  /** When set, only these versions can be the answer (a rollback to a named version). */
  onlyVersions?: readonly string[];
}

/**
 * Finds the last known good deployment while the history is read newest first, one record at a
 * time, so a caller stops reading (and paging GitHub) as soon as it is known.
 *
 * Last known good = the newest deployment that reached `success` and was not later rolled back
 * from. A rollback names the deployment it left in its payload; since rollbacks are newer than
 * what they leave, reading newest first meets every rollback before its target.
 *
 * A rollback rolls back, never forward: a rollback from version V rules out every older record of
 * V, not only the one it left (an automatic rollback to V makes a second record of V, and a manual
 * rollback away from that must not bring V back). V is a target again only once it is deployed and
 * verified after that rollback: such a record is newer, so it is met first and is the answer
 * (unless ruled out itself, by id or version, and then V is being left anyway).
 */
export class LastKnownGoodFinder {
  readonly #excludeIds: ReadonlySet<string>;
  readonly #excludeVersions: ReadonlySet<string>;
  readonly #onlyVersions: ReadonlySet<string> | null;
  readonly #rolledBackFrom = new Set<string>();
  readonly #rolledBackFromVersions = new Set<string>();
  #answer: DeploymentRecord | null = null;
  #considered = 0;

  constructor(options: LastKnownGoodOptions = {}) {
    this.#excludeIds = new Set(options.excludeIds ?? []);
    this.#excludeVersions = new Set(options.excludeVersions ?? []);
    this.#onlyVersions = options.onlyVersions === undefined ? null : new Set(options.onlyVersions);
  }

  /** The answer once found. */
  get answer(): DeploymentRecord | null {
    return this.#answer;
  }

  /** Whether a rollback from this version was among the records considered (so it is no target). */
  wasRolledBackFrom(version: string): boolean {
    return this.#rolledBackFromVersions.has(version);
  }

  /** How many records were considered before the answer (or in all, when there is none). */
  get considered(): number {
    return this.#considered;
  }

  /**
   * False when this record cannot be the answer whatever its statuses say, so the caller can skip
   * reading them (one request each on GitHub). Its rollback link is still needed: pass it to
   * `consider` with an empty list.
   */
  needsStatuses(record: DeploymentRecord): boolean {
    return this.#answer === null && !this.#ruledOut(record);
  }

  /** Feeds the next older record with its statuses (any order); returns the answer once found. */
  consider(record: DeploymentRecord, statuses: readonly DeploymentStatus[]): DeploymentRecord | null {
    if (this.#answer !== null) return this.#answer;
    this.#considered++;
    // Judged before its own link is noted: a rollback is not "followed" by itself.
    const ruledOut = this.#ruledOut(record);
    const from = record.payload.rolledBackFrom;
    if (from !== null) {
      this.#rolledBackFrom.add(from.id);
      this.#rolledBackFromVersions.add(from.version);
    }
    if (ruledOut || !hasSucceeded(statuses)) return null;
    this.#answer = record;
    return record;
  }

  #ruledOut(record: DeploymentRecord): boolean {
    return (
      this.#excludeIds.has(record.id) ||
      this.#excludeVersions.has(record.payload.version) ||
      (this.#onlyVersions !== null && !this.#onlyVersions.has(record.payload.version)) ||
      this.#rolledBackFrom.has(record.id) ||
      this.#rolledBackFromVersions.has(record.payload.version)
    );
  }
}

/**
 * Whether a deploy is the first to its environment: nothing recorded there before it. Reads the
 * history (newest first) only until a record other than the current one shows up.
 */
export function isFirstDeploy(history: Iterable<DeploymentRecord>, currentId: string | null = null): boolean {
  for (const record of history) {
    if (record.id !== currentId) return false;
  }
  return true;
}

/**
 * Fits a description into GitHub's limit, cutting at a whole character (never half an emoji or
 * half an accent) and marking the cut with an ellipsis. Counted in UTF-16 units, which are never
 * fewer than the characters GitHub counts, so the result fits whichever way the server counts.
 */
export function truncateDescription(text: string, limit: number = DESCRIPTION_LIMIT): string {
  if (text.length <= limit) return text;
  const room = limit - 1;
  let kept = "";
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > room) break;
    kept += segment;
  }
  return `${kept.trimEnd()}…`;
}

/** Made on first use: building a segmenter loads ICU's break rules, about 10 ms of every start-up. */
let graphemes: Intl.Segmenter | undefined;
