/**
 * The promotion gate: is this version *verified* in each environment named by
 * `require-verified-in`? Verified is what "last known good" means, asked of one version: a
 * deployment of it reached `success` and was not rolled back from since. Read from the same ledger
 * the same way (newest first, statuses only where they can decide), so the gate and the rollback
 * can never disagree about what "good" is.
 */
import { LastKnownGoodFinder } from "../core/deployments.ts";
import { type Refusal, refusal } from "../errors.ts";
import type { Ledger, Logger } from "../ports.ts";

/** Why a version is not verified in an environment, or that it is. */
export type GateState = "verified" | "never-deployed" | "not-verified" | "rolled-back-from";

export interface GateFinding {
  environment: string;
  state: GateState;
  /** The deployment that decided (the verified one, or the newest of the version), when there is one. */
  deploymentId: string | null;
}

/** How far back one environment is read before the answer is "not verified". */
const HISTORY_LIMIT = 1000;

export async function checkVerifiedIn(
  ledger: Ledger,
  environments: readonly string[],
  version: string,
): Promise<GateFinding[]> {
  return Promise.all(environments.map((environment) => verifiedIn(ledger, environment, version)));
}

async function verifiedIn(ledger: Ledger, environment: string, version: string): Promise<GateFinding> {
  // Only this version can be the answer, so only its records' statuses are read; a record of it
  // that succeeded and is still no answer was rolled back from, which the finder remembers.
  const finder = new LastKnownGoodFinder({ onlyVersions: [version] });
  let newest: string | null = null;
  let read = 0;
  for await (const record of ledger.history(environment)) {
    if (record.payload.version === version) newest ??= record.id;
    const statuses = finder.needsStatuses(record) ? await ledger.statuses(record) : [];
    const answer = finder.consider(record, statuses);
    if (answer !== null) return { environment, state: "verified", deploymentId: answer.id };
    if (++read >= HISTORY_LIMIT) break;
  }
  if (newest === null) return { environment, state: "never-deployed", deploymentId: null };
  const state = finder.wasRolledBackFrom(version) ? "rolled-back-from" : "not-verified";
  return { environment, state, deploymentId: newest };
}

/** How a finding reads in a message: "staging (never deployed there)". */
export function describeFinding(f: GateFinding): string {
  const why = {
    verified: `verified as deployment #${f.deploymentId}`,
    "never-deployed": "never deployed there",
    "not-verified": `deployed there (#${f.deploymentId}) but its checks never passed`,
    "rolled-back-from": `deployed there (#${f.deploymentId}), then rolled back from`,
  }[f.state];
  return `${f.environment} (${why})`;
}

/** What the gate decided for one deploy. */
export interface GateDecision {
  findings: GateFinding[];
  /** The refusal when the gate holds (status `blocked`); null when it passed or was forced. */
  blocked: Refusal | null;
  /** The override, when `force` carried the deploy past a gate that held. */
  forced: { reason: string; missing: string[] } | null;
}

/** Asks the ledger, then decides: pass, blocked, or forced past it (said loudly). */
export async function promotionGate(
  ledger: Ledger,
  logger: Logger,
  request: {
    environment: string;
    version: string;
    requireVerifiedIn: readonly string[];
    force: { reason: string } | null;
  },
): Promise<GateDecision> {
  if (request.requireVerifiedIn.length === 0) return { findings: [], blocked: null, forced: null };
  const findings = await checkVerifiedIn(ledger, request.requireVerifiedIn, request.version);
  const missing = findings.filter((f) => f.state !== "verified");
  if (missing.length === 0) {
    logger.info(`require-verified-in is met: ${findings.map(describeFinding).join(", ")}.`);
    return { findings, blocked: null, forced: null };
  }
  const shown = missing.map(describeFinding);
  if (request.force !== null) {
    logger.warning(
      `Forced past require-verified-in: ${request.version} is not verified in ${shown.join(", ")}. Reason: ${request.force.reason}`,
    );
    return { findings, blocked: null, forced: { reason: request.force.reason, missing: shown } };
  }
  const blocked = refusal("SG_NOT_VERIFIED_IN", {
    version: request.version,
    environment: request.environment,
    missing: shown,
    first: missing[0]?.environment ?? "",
  });
  return { findings, blocked, forced: null };
}
