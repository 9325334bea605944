/**
 * The promotion gate's rule, pure: is what is being deployed *verified* in an environment that
 * `require-verified-in` names? The newest deployment of it there decides: verified when that one
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
export type GateState = "verified" | "never-deployed" | "not-verified" | "failed" | "rolled-back-from";

export interface GateFinding {
  environment: string;
  state: GateState;
  /** The deployment that decided, when there is one. */
  deploymentId: string | null;
  /** The state of that deployment's newest status (`in_progress`, `failure`...), when it decided. */
  lastState: string | null;
}

/** What the gate is asked about: the version being deployed, its tag and its commit. */
export interface GateTarget {
  version: string;
  tag: string | null;
  sha: string;
}

/** Reads one environment's history, newest first, until the deployment that decides is met. */
export class VerificationReader {
  readonly #environment: string;
  readonly #target: GateTarget;
  /** Deployments a newer rollback left. */
  readonly #rolledBackFrom = new Set<string>();
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
    const from = record.payload.rolledBackFrom;
    if (from !== null) this.#rolledBackFrom.add(from.id);
    return this.#finding;
  }

  /** The finding once the history has been read (or as far as it is read). */
  finish(): GateFinding {
    return this.#finding ?? this.#found("never-deployed", null, null);
  }

  #isTarget(record: DeploymentRecord): boolean {
    return record.payload.version === this.#target.version;
  }

  #decide(record: DeploymentRecord, statuses: readonly DeploymentStatus[]): GateFinding {
    if (this.#rolledBackFrom.has(record.id)) return this.#found("rolled-back-from", record, null);
    const last = latestState(statuses);
    if (hasSucceeded(statuses)) return this.#found("verified", record, last);
    const state = last === "failure" || last === "error" ? "failed" : "not-verified";
    return this.#found(state, record, last);
  }

  #found(state: GateState, record: DeploymentRecord | null, lastState: string | null): GateFinding {
    return { environment: this.#environment, state, deploymentId: record?.id ?? null, lastState };
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
  }[f.state];
  return `${f.environment} (${why})`;
}
