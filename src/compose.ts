/**
 * Builds the ports of the deploy loop from settings, for the action and the CLI alike: the ledger
 * (GitHub Deployments or the local file), the deployer of the chosen strategy, the smoke checks,
 * and the dispatcher. Entry points call this; commands never build their own ports.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CommandDeployer } from "./adapters/deployers/command.ts";
import { SymlinkDeployer } from "./adapters/deployers/symlink.ts";
import { WorkflowDeployer } from "./adapters/deployers/workflow.ts";
import type { GitHubClient } from "./adapters/github/client.ts";
import { GitHubDispatcher } from "./adapters/github/dispatcher.ts";
import { GitHubLedger } from "./adapters/github/ledger.ts";
import { defaultLedgerPath, LocalLedger } from "./adapters/local-ledger.ts";
import { runSmoke } from "./adapters/probes/index.ts";
import type { SmokePort } from "./commands/deploy.ts";
import { secretValues } from "./core/smoke/expand-suite.ts";
import { parseChecks } from "./core/smoke/parse-checks.ts";
import { ShipguardError } from "./errors.ts";
import type { Deployer, Dispatcher, Ledger, Logger } from "./ports.ts";
import type { ChecksSource, StrategySettings } from "./settings.ts";

export interface GitHubSide {
  octokit: GitHubClient;
  repository: { owner: string; repo: string };
  /** The branch dispatched workflows run on when workflow-ref is not set. */
  defaultBranch: string | null;
  /**
   * A second client for the rollback dispatch: the throttling plugin spaces writes one second
   * apart per client, and a rollback must not wait behind the deployment's own status writes.
   */
  urgentOctokit?: GitHubClient;
}

export interface Runtime {
  /** The repository's top folder. */
  repoDir: string;
  logger: Logger;
  /** The environment user commands and checks see: the process's, without inputs or tokens. */
  env: Record<string, string>;
  github: GitHubSide | null;
  /** Tells the log to mask a value (header values of the checks); a no-op on the CLI. */
  registerSecret?: (value: string) => void;
}

export function buildLedger(runtime: Runtime, ledgerFile: string | null): Ledger {
  if (runtime.github !== null)
    return new GitHubLedger(runtime.github.octokit, runtime.github.repository, runtime.logger);
  const file =
    ledgerFile === null ? defaultLedgerPath(runtime.repoDir) : path.resolve(runtime.repoDir, ledgerFile);
  return new LocalLedger(file, { logger: runtime.logger });
}

export function buildDispatcher(runtime: Runtime, urgent = false): Dispatcher | null {
  if (runtime.github === null) return null;
  const octokit = urgent ? (runtime.github.urgentOctokit ?? runtime.github.octokit) : runtime.github.octokit;
  return new GitHubDispatcher(octokit, runtime.github.repository, runtime.logger);
}

export async function workflowRef(
  runtime: Runtime,
  settings: { workflowRef: string | null },
): Promise<string> {
  if (settings.workflowRef !== null) return settings.workflowRef;
  const github = runtime.github;
  if (github === null) throw new Error("workflowRef needs GitHub");
  if (github.defaultBranch !== null) return github.defaultBranch;
  // Not in the event (a workflow_call from a scheduled run, say): ask once.
  const repo = await github.octokit.rest.repos.get({ ...github.repository });
  return repo.data.default_branch;
}

export async function buildDeployer(runtime: Runtime, settings: StrategySettings): Promise<Deployer> {
  const common = { env: runtime.env, logger: runtime.logger, timeoutMs: settings.deployTimeoutMs };
  switch (settings.strategy) {
    case "command":
      return new CommandDeployer({
        ...common,
        command: settings.deployCommand ?? "",
        prepareCommand: settings.prepareCommand,
        cwd: runtime.repoDir,
      });
    case "symlink":
      return new SymlinkDeployer({
        ...common,
        releaseSource: path.resolve(runtime.repoDir, settings.releaseSource ?? ""),
        releasesDir: path.resolve(runtime.repoDir, settings.releasesDir ?? ""),
        ...(settings.currentLink === null
          ? {}
          : { currentLink: path.resolve(runtime.repoDir, settings.currentLink) }),
        keepReleases: settings.keepReleases,
        restartCommand: settings.restartCommand,
        prepareCommand: settings.prepareCommand,
      });
    case "workflow": {
      const dispatcher = buildDispatcher(runtime);
      if (dispatcher === null) {
        throw new ShipguardError("The `workflow` strategy dispatches a GitHub workflow and needs GitHub.", {
          remedy:
            "Run it in the action, or on the CLI with --repo owner/name and GITHUB_TOKEN; locally, use `command` or `symlink`.",
          input: "strategy",
          value: "workflow",
        });
      }
      return new WorkflowDeployer({
        dispatcher,
        workflow: settings.deployWorkflow ?? "",
        ref: await workflowRef(runtime, settings),
        inputs: settings.workflowInputs,
        timeoutMs: settings.deployTimeoutMs,
        logger: runtime.logger,
        onStatus: (status) => runtime.logger.info(`deploy workflow: ${status}`),
      });
    }
  }
}

/** Reads and validates the checks up front, so a typo fails before anything is deployed. */
export async function buildSmoke(runtime: Runtime, checks: ChecksSource): Promise<SmokePort | null> {
  let text = checks.inline;
  let source = "the `checks` input";
  if (checks.file !== null) {
    const file = path.resolve(runtime.repoDir, checks.file);
    source = checks.file;
    text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new ShipguardError(
        `checks-file ${checks.file} could not be read (${error.code ?? error.message}).`,
        {
          remedy: "Give a path relative to the repository (working-directory), committed in the checkout.",
          input: "checks-file",
          value: checks.file ?? "",
        },
      );
    });
  }
  if (text === null) return null;
  const suite = parseChecks(text, source);
  for (const secret of secretValues(suite, runtime.env)) runtime.registerSecret?.(secret);
  return {
    suite,
    run: (s, env) =>
      runSmoke(s, {
        env,
        onAttempt: (event) => {
          if (event.nextDelayMs !== null) {
            runtime.logger.debug(
              `check ${event.check}: attempt ${event.attempt} ${event.outcome.verdict}; next in ${event.nextDelayMs} ms`,
            );
          }
        },
      }),
  };
}

/** The environment user commands see: the process's, minus action inputs (the token is one). */
export function childEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (
      value === undefined ||
      key.startsWith("INPUT_") ||
      key === "ACTIONS_RUNTIME_TOKEN" ||
      key === "ACTIONS_ID_TOKEN_REQUEST_TOKEN"
    )
      continue;
    out[key] = value;
  }
  return out;
}
