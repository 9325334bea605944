/**
 * A write GitHub gives no uniqueness key for (a deployment, a draft release, an issue, a comment):
 * sent without Octokit's automatic retry, because a lost answer may hide a write that happened.
 * After a failure that may be one (no answer, or 5xx: Octokit reports a lost connection as 500),
 * `made` looks for what the write would have made, and only when it finds nothing is the write
 * sent again. Any other failure is the caller's coded error at once.
 */
import { ShipguardError } from "../../errors.ts";
import type { Logger } from "../../ports.ts";
import { sleep } from "../sleep.ts";
import { type CallInfo, statusOf, toShipguardError } from "./errors.ts";

export interface ReconciledWrite<T> {
  info: CallInfo;
  logger: Logger;
  send: () => Promise<T>;
  /** What the write would have made, if it was made; null when it was not. */
  made: () => Promise<T | null>;
  /** The warning after a failure that may hide a write, given the status ("no answer"). */
  said: (status: string) => string;
  /** The wait before a resend, times the attempt (default 1000 ms). */
  backoffMs?: number;
  /** Sends in all (default 3). */
  attempts?: number;
}

export async function reconciledWrite<T>(write: ReconciledWrite<T>): Promise<T> {
  const attempts = write.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write.send();
    } catch (error) {
      // A coded error of our own (a 202 merge instead of a deployment, say) is already the answer.
      if (error instanceof ShipguardError) throw error;
      const status = statusOf(error);
      const transient = status === undefined || status >= 500;
      if (!transient || attempt >= attempts) throw toShipguardError(error, write.info);
      write.logger.warning(write.said(String(status ?? "no answer")));
      const done = await write.made();
      if (done !== null) return done;
      await sleep((write.backoffMs ?? 1000) * attempt);
    }
  }
}
