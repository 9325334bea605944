/**
 * The promotion gate on a ledger: is what is being deployed *verified* in each environment named
 * by `require-verified-in`? The rule is core/verified-in.ts; this reads each environment's history
 * newest first, fetching statuses only for the deployment that decides, and stops there.
 */
import {
  describeFinding,
  type GateFinding,
  type GateTarget,
  VerificationReader,
} from "../core/verified-in.ts";
import { type Refusal, refusal } from "../errors.ts";
import type { Ledger, Logger } from "../ports.ts";

export type { GateFinding, GateState } from "../core/verified-in.ts";
export { describeFinding } from "../core/verified-in.ts";

/** How far back one environment is read before the answer is "never deployed". */
const HISTORY_LIMIT = 1000;

export async function checkVerifiedIn(
  ledger: Ledger,
  environments: readonly string[],
  target: GateTarget,
): Promise<GateFinding[]> {
  return Promise.all(environments.map((environment) => verifiedIn(ledger, environment, target)));
}

async function verifiedIn(ledger: Ledger, environment: string, target: GateTarget): Promise<GateFinding> {
  const reader = new VerificationReader(environment, target);
  let read = 0;
  for await (const record of ledger.history(environment)) {
    const statuses = reader.needsStatuses(record) ? await ledger.statuses(record) : [];
    if (reader.consider(record, statuses) !== null) break;
    if (++read >= HISTORY_LIMIT) break;
  }
  return reader.finish();
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
    target: GateTarget;
    requireVerifiedIn: readonly string[];
    force: { reason: string } | null;
  },
): Promise<GateDecision> {
  if (request.requireVerifiedIn.length === 0) return { findings: [], blocked: null, forced: null };
  const { version } = request.target;
  const findings = await checkVerifiedIn(ledger, request.requireVerifiedIn, request.target);
  const missing = findings.filter((f) => f.state !== "verified");
  if (missing.length === 0) {
    logger.info(`require-verified-in is met: ${findings.map(describeFinding).join(", ")}.`);
    return { findings, blocked: null, forced: null };
  }
  const shown = missing.map(describeFinding);
  if (request.force !== null) {
    logger.warning(
      `Forced past require-verified-in: ${version} is not verified in ${shown.join(", ")}. Reason: ${request.force.reason}`,
    );
    return { findings, blocked: null, forced: { reason: request.force.reason, missing: shown } };
  }
  const blocked = refusal("SG_NOT_VERIFIED_IN", {
    version,
    environment: request.environment,
    missing: shown,
    first: missing[0]?.environment ?? "",
  });
  return { findings, blocked, forced: null };
}
