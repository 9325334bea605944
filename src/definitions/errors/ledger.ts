/** The CLI's local ledger (.shipguard/deployments.jsonl). */
import { define } from "../define-error.ts";

export const LEDGER_ERRORS = {
  // The CLI's local ledger (.shipguard/deployments.jsonl).
  SG_LEDGER_IO: define(
    "The local ledger file (or its lock) could not be read or written.",
    (p: { what: string; detail: string; folder: string }) => ({
      message: `Could not ${p.what}: ${p.detail}`,
      remedy: `Check that ${p.folder} exists and is writable by this user, and that the disk is not full.`,
    }),
    "Make the ledger's folder writable, and free disk space.",
  ),
  SG_LEDGER_DEPLOYMENT_UNKNOWN: define(
    "A status was recorded for a deployment the local ledger does not have.",
    (p: { state: string; id: string; file: string }) => ({
      message: `Could not record ${p.state} for deployment ${p.id}: ${p.file} has no such deployment.`,
      remedy:
        "Record statuses through the ledger that created the deployment (the same file). Was the file moved or replaced?",
    }),
    "Use the same ledger file that created the deployment.",
  ),
  SG_ENVIRONMENT_LOCKED: define(
    "Another local deploy or rollback of the same environment was still running.",
    (p: {
      environment: string;
      file: string;
      waitedSeconds: number;
      holder: { pid: number; host: string; since: string; command: string };
    }) => ({
      message: `${p.environment} is busy: \`${p.holder.command}\` (pid ${p.holder.pid} on ${p.holder.host}, since ${p.holder.since}) holds ${p.file}; waited ${p.waitedSeconds} s.`,
      remedy: `Let that run finish, then run this one again (SHIPGUARD_LOCK_WAIT_SECONDS waits longer). If pid ${p.holder.pid} on ${p.holder.host} is not running any more, delete ${p.file}.`,
    }),
    "Wait for the other run to finish, or delete the lock file if its process is gone.",
  ),
  SG_CANCELLED: define(
    "SIGINT or SIGTERM (Ctrl-C, a cancelled workflow run) stopped the run before it deployed or recorded anything.",
    (p: { signal: string; environment: string }) => ({
      message: `Cancelled by ${p.signal} before anything was deployed to ${p.environment} or recorded: nothing was changed.`,
      remedy: "Run the command again when you want it to happen.",
    }),
    "Nothing was changed: run it again when you want it to happen.",
  ),
};
