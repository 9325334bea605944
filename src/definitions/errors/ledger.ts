/** The CLI's local ledger (.shipguard/deployments.jsonl). */
import { define } from "../define-error.ts";

/**
 * The fix for a file-system failure in the local state (the ledger's folder, its locks, incidents/),
 * by the failure's code: every one of them lives next to the ledger, so `ledger-file` moves them all.
 */
export function localStateRemedy(errno: string | undefined, folder: string): string {
  switch (errno) {
    case "ENOSPC":
    case "EDQUOT":
      return `The disk (or this user's quota) that holds ${folder} is full: free space there, or choose another \`ledger-file\` on another disk, then run again.`;
    case "EROFS":
      return `${folder} is on a read-only file system: choose another \`ledger-file\` on a writable one (its locks and incidents/ go next to it).`;
    case "EACCES":
    case "EPERM":
      return `This user may not write in ${folder}: make it writable (\`chmod u+w\`, or \`chown\` it to this user), or choose another \`ledger-file\`.`;
    case "ENOTDIR":
    case "EEXIST":
      return `A part of the path ${folder} is a file, not a folder: move that file, or choose another \`ledger-file\`.`;
    default:
      return `Check that ${folder} exists and is writable by this user, and that the disk is not full; or choose another \`ledger-file\`.`;
  }
}

export const LEDGER_ERRORS = {
  // The CLI's local ledger (.shipguard/deployments.jsonl).
  SG_LEDGER_IO: define(
    "The local ledger file, its folder or one of its locks could not be read or written (a full disk, a read-only folder, no permission).",
    (p: { what: string; detail: string; folder: string; errno?: string | undefined }) => ({
      message: `Could not ${p.what}: ${p.detail}`,
      remedy: localStateRemedy(p.errno, p.folder),
    }),
    "Free disk space, make the ledger's folder writable, or choose another `ledger-file`.",
  ),
  SG_LEDGER_FILE_MISSING: define(
    "A report was asked of a ledger file (`ledger-file`) that does not exist.",
    (p: { ledgerFile: string; path: string }) => ({
      message: `ledger-file names ${JSON.stringify(p.ledgerFile)}, but there is no file at ${p.path}: there is nothing to report on.`,
      remedy:
        "Correct `ledger-file` (relative to the working directory), or leave it out to read .shipguard/deployments.jsonl; with `repository` the report reads GitHub Deployments instead.",
      input: "ledger-file",
      value: p.ledgerFile,
    }),
    "Correct `ledger-file`, or leave it out to read the default ledger.",
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
      holder: { pid: number; host: string; since: string; command: string } | null;
    }) =>
      p.holder === null
        ? {
            message: `${p.environment} is busy: ${p.file} is held by a process its file does not name; waited ${p.waitedSeconds} s.`,
            remedy: `Let the other run finish, then run this one again. If no shipguard runs, delete ${p.file}.`,
          }
        : {
            message: `${p.environment} is busy: \`${p.holder.command}\` (pid ${p.holder.pid} on ${p.holder.host}, since ${p.holder.since}) holds ${p.file}; waited ${p.waitedSeconds} s.`,
            remedy: `Let that run finish, then run this one again (SHIPGUARD_LOCK_WAIT_SECONDS waits longer). If pid ${p.holder.pid} on ${p.holder.host} is not running any more, delete ${p.file}.`,
          },
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
