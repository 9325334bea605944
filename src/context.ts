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
  /**
   * Replaces the run's secrets in a text with `***`: the host's token, DEPLOY_TOKEN, CHECKS_TOKEN,
   * the webhook URLs' credentials, and what registerSecret added. Applied to whatever leaves the
   * process: the presentation a host publishes, the events and the incident before they are sent.
   */
  redact(text: string): string;
}
