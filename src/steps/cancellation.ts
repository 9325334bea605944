/**
 * What deploy and rollback do when the run is cancelled. The time left (Cancellation.remainingMs,
 * set by the runner's signals) is shared: clean-up work (the traffic revert) runs first and stops
 * in time to leave RECORD_AND_TELL_MS for the record's last status and the notifications. Then the
 * record and the message say where the cancel came and what serves now.
 */
import type { Cancellation, RunContext } from "../context.ts";
import { cancelledDeployDescription } from "../core/deployments.ts";
import { shipguardError } from "../errors.ts";
import type { TimelineEntry } from "./timeline.ts";

/** Kept, after a cancel, for writing the record and telling people. */
export const RECORD_AND_TELL_MS = 2_500;

/**
 * The signal clean-up work runs under: never aborted while the run is not cancelled; after a
 * cancel, aborted when only RECORD_AND_TELL_MS are left (at once when that time is already gone),
 * or at a second signal, when the kill is near.
 */
export function cleanupSignal(
  cancellation: Pick<Cancellation, "cause" | "remainingMs" | "hurry">,
): AbortSignal {
  if (cancellation.cause() === null) return new AbortController().signal;
  const left = Math.floor(cancellation.remainingMs() - RECORD_AND_TELL_MS);
  if (left <= 0 || cancellation.hurry.aborted)
    return AbortSignal.abort(new Error("no time left after the cancel"));
  return AbortSignal.any([AbortSignal.timeout(left), cancellation.hurry]);
}

/** Before anything is deployed or recorded, a cancel ends the command: nothing to undo. */
export function throwIfCancelled(context: RunContext, environment: string): void {
  const signal = context.cancellation.cause();
  if (signal !== null) throw shipguardError("SG_CANCELLED", { signal, environment });
}

/**
 * Where a deploy or rollback without traffic steps was when it was cancelled, from its timeline:
 * " during the preparation" (nothing switched yet), " during the deploy" or " during the smoke checks".
 */
export function whereCancelled(timeline: readonly TimelineEntry[]): string {
  const last = timeline.at(-1);
  if (last?.step === "prepare") return " during the preparation";
  if (last?.step.startsWith("deploy") === true)
    return last.detail === "ok" ? " during the smoke checks" : " during the deploy";
  return " during the smoke checks";
}

export interface CancelledDeploy {
  signal: string;
  /** The version as shown: its tag, else the version. */
  shown: string;
  environment: string;
  /** " at 10% (step 1 of 3)" or whereCancelled's phrase. */
  at: string;
  /** How the revert of a canary's traffic to 0% went; null when none had to be reverted. */
  revert: { ok: boolean; failure: string | null } | null;
  /** What could be put back: the last known good version (its tag) or null. */
  previousGood: string | null;
}

/** The failure sentence, the message, and the record's description of a cancelled deploy. */
export function describeCancelledDeploy(c: CancelledDeploy): {
  failure: string;
  message: string;
  description: string;
} {
  const traffic =
    c.revert === null
      ? ""
      : c.revert.ok
        ? "; traffic is back to 0%"
        : `; the revert to 0% FAILED (${c.revert.failure ?? "no detail"})`;
  const untouched = c.at === " during the preparation" && c.revert === null;
  const serving = untouched
    ? "nothing was switched, the version before still serves"
    : c.revert?.ok === true
      ? "the stable version serves all traffic again"
      : `${c.shown} may serve, unverified: ${
          c.previousGood === null
            ? "there is no earlier verified version to roll back to"
            : `run a rollback to put ${c.previousGood} back, or deploy again`
        }`;
  const failure = `cancelled by ${c.signal}${c.at}${traffic}`;
  return {
    failure,
    message: `Deployment of ${c.shown} to ${c.environment} was ${failure}; recorded as failed, no rollback started: ${serving}.`,
    description: cancelledDeployDescription(c.signal, `${c.at}${traffic}`),
  };
}
