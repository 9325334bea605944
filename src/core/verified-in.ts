/**
 * The promotion gate's rule, pure: is what is being deployed *verified* in an environment that
 * `require-verified-in` names? Verified means the same commit under the same tag: a version
 * string alone is not enough (a tag moved to another commit since, or `web@2.0.0` where
 * `api@2.0.0` was verified). The newest deployment of that commit there decides: verified when it
 * reached `success` (and was not failed later) and was not rolled back from since. An older
 * success does not count once a newer deployment of it failed: with the default `on-failure`, a
 * failing redeploy of the same version starts no rollback (there is nothing older to go back
 * to), so "rolled back from" alone would let it through.
 *
 * The history is fed newest first, one record at a time, so the reader (steps/verified-in.ts)
 * stops as soon as the answer is known and fetches statuses only for the record that decides.
 */
import type { DeploymentRecord, DeploymentStatus } from "./deployment-record.ts";
import { hasSucceeded, latestState } from "./deployments.ts";

/** Why a version is not verified in an environment, or that it is. */
export type GateState =
  | "verified"
  | "never-deployed"
  | "not-verified"
  | "failed"
  | "rolled-back-from"
  | "other-commit";

/** A deployment's tag and commit. */
export interface TaggedCommit {
  tag: string | null;
  sha: string;
}

export interface GateFinding {
  environment: string;
  state: GateState;
  /** The deployment that decided, when there is one. */
  deploymentId: string | null;
  /** The state of that deployment's newest status (`in_progress`, `failure`...), when it decided. */
  lastState: string | null;
  /** `other-commit`: what the version was deployed as there, and what is being deployed now. */
  mismatch: { recorded: TaggedCommit; deploying: TaggedCommit } | null;
}

/** What the gate is asked about: the version being deployed, its tag and its commit. */
export interface GateTarget extends TaggedCommit {
  version: string;
}

/** Reads one environment's history, newest first, until the deployment that decides is met. */
export class VerificationReader {
  readonly #environment: string;
  readonly #target: GateTarget;
  /** Deployments a newer rollback left. */
  readonly #rolledBackFrom = new Set<string>();
  /** The newest deployment of the version as another tag or commit, for the refusal. */
  #other: DeploymentRecord | null = null;
  #finding: GateFinding | null = null;

  constructor(environment: string, target: GateTarget) {
    this.#environment = environment;
    this.#target = target;
  }

  /** Whether this record's statuses are needed: only the one that decides (one request on GitHub). */
  needsStatuses(record: DeploymentRecord): boolean {
    return this.#finding === null && this.#isTarget(record) && !this.#rolledBackFrom.has(record.id);
  }

  /** Feeds the next older record (statuses oldest first); returns the finding once it is known. */
  consider(record: DeploymentRecord, statuses: readonly DeploymentStatus[]): GateFinding | null {
    if (this.#finding !== null) return this.#finding;
    // Judged before its own link is noted: a rollback is not "followed" by itself.
    if (this.#isTarget(record)) this.#finding = this.#decide(record, statuses);
    else if (record.payload.version === this.#target.version) this.#other ??= record;
    const from = record.payload.rolledBackFrom;
    if (from !== null) this.#rolledBackFrom.add(from.id);
    return this.#finding;
  }

  /** The finding once the history has been read (or as far as it is read). */
  finish(): GateFinding {
    if (this.#finding !== null) return this.#finding;
    const other = this.#other;
    if (other === null) return this.#found("never-deployed", null, null);
    const { tag, sha } = this.#target;
    return {
      ...this.#found("other-commit", other, null),
      mismatch: { recorded: { tag: other.payload.tag, sha: other.payload.sha }, deploying: { tag, sha } },
    };
  }

  /** The same version, tag and commit. */
  #isTarget(record: DeploymentRecord): boolean {
    const { version, tag, sha } = record.payload;
    return version === this.#target.version && tag === this.#target.tag && sha === this.#target.sha;
  }

  #decide(record: DeploymentRecord, statuses: readonly DeploymentStatus[]): GateFinding {
    if (this.#rolledBackFrom.has(record.id)) return this.#found("rolled-back-from", record, null);
    const last = latestState(statuses);
    if (hasSucceeded(statuses)) return this.#found("verified", record, last);
    const state = last === "failure" || last === "error" ? "failed" : "not-verified";
    return this.#found(state, record, last);
  }

  #found(state: GateState, record: DeploymentRecord | null, lastState: string | null): GateFinding {
    return {
      environment: this.#environment,
      state,
      deploymentId: record?.id ?? null,
      lastState,
      mismatch: null,
    };
  }
}

/** Judges a whole history (newest first, with statuses): the table-tested face of the reader. */
export function judgeVerifiedIn(
  environment: string,
  target: GateTarget,
  history: readonly { record: DeploymentRecord; statuses: readonly DeploymentStatus[] }[],
): GateFinding {
  const reader = new VerificationReader(environment, target);
  for (const { record, statuses } of history) {
    if (reader.consider(record, reader.needsStatuses(record) ? statuses : []) !== null) break;
  }
  return reader.finish();
}

/** How a finding reads in a message: "staging (never deployed there)". */
export function describeFinding(f: GateFinding): string {
  const id = f.deploymentId ?? "";
  const why = {
    verified: `verified as deployment #${id}`,
    "never-deployed": "never deployed there",
    "not-verified": `deployed there (#${id}) but its checks never passed${f.lastState === null ? "" : ` (${f.lastState})`}`,
    failed: `its newest deployment there (#${id}) failed; an older success does not count`,
    "rolled-back-from": `deployed there (#${id}), then rolled back from`,
    "other-commit": f.mismatch === null ? "" : mismatchText(f.mismatch, id),
  }[f.state];
  return `${f.environment} (${why})`;
}

/** "deployed there as api@2.0.0 at 1a2b3c4d5e6f (#3), not as web@2.0.0 at 5d6e7f8a9b0c: ...". */
function mismatchText(m: NonNullable<GateFinding["mismatch"]>, id: string): string {
  const as = (c: TaggedCommit) => `${c.tag ?? "a ref"} at ${c.sha.slice(0, 12)}`;
  const moved = m.recorded.tag !== null && m.recorded.tag === m.deploying.tag;
  const now = moved
    ? `but ${m.deploying.tag} points at ${m.deploying.sha.slice(0, 12)} now (the tag was moved)`
    : `not as ${as(m.deploying)}`;
  return `deployed there as ${as(m.recorded)} (#${id}), ${now}: only the same commit counts`;
}
