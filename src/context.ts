/**
 * Where and for whom a run happens: the one context every host builds and every command and the
 * composition root read. Hosts fill it from the runner's environment or the CLI's; nothing below
 * them reads `process.env`.
 */
import type { Logger } from "./ports.ts";

export interface Repository {
  owner: string;
  repo: string;
}

export interface RunContext {
  /** Which host runs: decides wording (inputs or flags) and where a rollback runs (dispatched or in process). */
  host: "action" | "cli";
  /** The folder relative paths (working-directory, checks-file, ledger-file) resolve against. */
  workspace: string;
  logger: Logger;
  /** The environment user commands and checks see: the host's, without inputs or tokens. */
  env: Record<string, string>;
  /** GitHub's API, for commands whose settings name a repository. */
  github: {
    token: string;
    apiUrl: string;
    /** GitHub's GraphQL endpoint (GITHUB_GRAPHQL_URL); null: derived from apiUrl. */
    graphqlUrl?: string | null;
    /** The repository's default branch when the event carries it (dispatched workflows run there). */
    defaultBranch: string | null;
  };
  /** The web server (https://github.com) and the workflow's repository, for links; null outside GitHub. */
  serverUrl: string | null;
  repository: Repository | null;
  /** The branch the run is for, when the host knows it (GITHUB_HEAD_REF or GITHUB_REF_NAME). */
  branch: string | null;
  /** The URL of this run (GitHub) for records and reports; null on the CLI. */
  runUrl: string | null;
  /** Who started it (GitHub actor, local user). */
  actor: string | null;
  /**
   * Makes a value a secret of the run (header values of the checks), in every form it may leak in:
   * masked in the log, and taken out by `redact`.
   */
  registerSecret(value: string): void;
  /** SIGINT or SIGTERM from a terminal or a cancelled workflow run, and the time left to clean up. */
  cancellation: Cancellation;
  /**
   * Replaces the run's secrets in a text with `***`: the host's token, DEPLOY_TOKEN, CHECKS_TOKEN,
   * the webhook URLs' credentials, and what registerSecret added. Applied to whatever leaves the
   * process: the presentation a host publishes, the events and the incident before they are sent.
   */
  redact(text: string): string;
}

/** The signals that cancel a run: Ctrl-C, and what GitHub's runner sends a cancelled step. */
export type CancelSignal = "SIGINT" | "SIGTERM";

/**
 * A run being cancelled. The hosts turn the process's signals into this; every step that starts
 * work (a command, a wait, the checks) is given `signal` and stops at once when it aborts. What was
 * started is then reverted or recorded within `remainingMs()`, never abandoned.
 */
export interface Cancellation {
  /** Aborted at the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** Aborted at a second signal (the runner's SIGTERM after its SIGINT): clean-up stops, only the record is written. */
  readonly hurry: AbortSignal;
  /** The first signal received, or null while the run is not cancelled. */
  cause(): CancelSignal | null;
  /** What is left for the clean-up before the process is killed; Infinity while not cancelled. */
  remainingMs(): number;
  /**
   * Said by a command that cleans up after a cancel (deploy, rollback, smoke): a signal no longer
   * ends the process at once, the command finishes within remainingMs(). Before this, and for the
   * commands that never call it, a signal ends the process at once, as by default.
   */
  holdExit(): void;
}

/** A run nothing cancels (the demo's inner runs, tests). */
export const NEVER_CANCELLED: Cancellation = {
  signal: new AbortController().signal,
  hurry: new AbortController().signal,
  cause: () => null,
  remainingMs: () => Number.POSITIVE_INFINITY,
  holdExit: () => {},
};
