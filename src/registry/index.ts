/**
 * Every command, wired once: its one-line help and where its descriptor lives. Descriptors load
 * on demand, so `shipguard version` starts without the deploy loop's code.
 */

import type { RunContext } from "../context.ts";
import { redactDeep } from "../core/secrets.ts";
import { describeProblem } from "../errors.ts";
import { COMMANDS, type CommandName, type RawSource } from "../settings.ts";
import type { Presentation, RegisteredCommand } from "./command.ts";
import { CompositionRoot } from "./compose.ts";
import { withSettingsFile } from "./settings-file.ts";

export type { Presentation } from "./command.ts";

export interface CommandEntry {
  summary: string;
  load(): Promise<RegisteredCommand>;
  /**
   * The command stops what it started and records it when the run is cancelled (deploy, rollback,
   * smoke), so a SIGINT or SIGTERM waits for that. The others hold nothing a re-run does not
   * finish, and a signal ends them at once.
   */
  cleansUp?: true;
}

export const COMMAND_REGISTRY: Record<CommandName, CommandEntry> = {
  version: {
    summary: "Compute the next version from the Conventional Commits since the last tag, and why.",
    load: async () => (await import("./commands/version.ts")).versionCommand,
  },
  release: {
    summary:
      "Compute the version, then tag the analysed commit; with --version-files or --changelog-file, first one release commit `chore(release): <version>` carrying them, and the tag on it (--dry-run prints its diff). Locally: an annotated tag (--push sends it to origin) and the notes on stdout or --notes-file. With --repo owner/name and GITHUB_TOKEN: the tag and a GitHub Release, as the action does.",
    load: async () => (await import("./commands/release.ts")).releaseCommand,
  },
  deploy: {
    summary:
      "Deploy a version to an environment, run the smoke checks, record the result, and roll back when they fail.",
    load: async () => (await import("./commands/deploy.ts")).deployCommand,
    cleansUp: true,
  },
  smoke: {
    summary: "Run the smoke checks and print the verdict.",
    load: async () => (await import("./commands/smoke.ts")).smokeCommand,
    cleansUp: true,
  },
  rollback: {
    summary:
      "Put the last known good version of an environment back (or --to-version), with guards and a report.",
    load: async () => (await import("./commands/rollback.ts")).rollbackCommand,
    cleansUp: true,
  },
  incident: {
    summary:
      "Record an incident another step reported (its `incident` output): a GitHub issue labelled shipguard:incident, one per correlation id, or a file in .shipguard/incidents.",
    load: async () => (await import("./commands/incident.ts")).incidentCommand,
  },
  metrics: {
    summary:
      "Delivery metrics (DORA's keys) per environment from the deployment records: deployment frequency, lead time for changes, change failure rate, recovery time and rework rate, over a window (--since, default 30d). Locally from the ledger file; with --repo owner/name and GITHUB_TOKEN, from GitHub Deployments.",
    load: async () => (await import("./commands/metrics.ts")).metricsCommand,
  },
};

/** What a host is: where options come from, where the run happens, and where results go. */
export interface Host {
  /** The raw value of an option by its name (an input or a flag); undefined when not given. */
  readonly source: RawSource;
  readonly context: RunContext;
  /** Publishes a result: outputs and the job summary (action); text or JSON on stdout (CLI). */
  publish(result: Presentation): Promise<void>;
  /** Fails the step with the reason and the remedy: setFailed (action); stderr and exit code (CLI). */
  fail(text: string): void;
}

export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

/**
 * Runs one command on one host: read (the host's inputs or flags over the settings file), wire,
 * run, present, publish; a result that is not ok fails the step. What is published is first cleared of the run's secrets, whatever field carries them
 * (a check's output in the text, the summary, an output, --json, the failure's message).
 */
export async function execute(host: Host, name: CommandName): Promise<Presentation> {
  const entry = COMMAND_REGISTRY[name];
  const command = await entry.load();
  const source = await withSettingsFile(host.source, host.context.workspace, host.context.logger);
  if (entry.cleansUp) host.context.cancellation.holdExit();
  const shown = await command.execute(source, new CompositionRoot(host.context));
  const result = redactDeep(shown, host.context.redact);
  await host.publish(result);
  if (!result.ok) host.fail(result.problem === null ? result.message : describeProblem(result.problem));
  return result;
}
