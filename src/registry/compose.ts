/**
 * The composition root: the one place that turns settings and the run's context into ports.
 * Which ledger (GitHub Deployments or the local file), which deployer, which checks, which forge,
 * and how a failed deploy's rollback starts. Commands receive what this builds; they never build
 * their own ports. GitHub's client is loaded only when a command works on GitHub, so the local
 * commands start without it.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { GitCli } from "../adapters/git-cli.ts";
import type { GitHubClient } from "../adapters/github/client.ts";
import type { Repository, RunContext } from "../context.ts";
import { redactDeep } from "../core/secrets.ts";
import { shipguardError } from "../errors.ts";
import type {
  Deployer,
  Dispatcher,
  Forge,
  HookRunner,
  IncidentLog,
  Ledger,
  Logger,
  Notifier,
  SmokePort,
} from "../ports.ts";
import type { ChecksSource, NotifySettings, ReleaseSettings, StrategySettings } from "../settings.ts";

/** GitHub as one run works with it: the repository its settings name, and a client. */
export interface GitHubSide {
  repository: Repository;
  octokit: GitHubClient;
  /**
   * A second client for the rollback dispatch: the throttling plugin spaces writes one second
   * apart per client, and a rollback must not wait behind the deployment's own status writes.
   */
  urgentOctokit: GitHubClient;
}

export interface DeployLoopPorts {
  git: GitCli;
  ledger: Ledger;
  deployer: Deployer;
  logger: Logger;
  smoke: SmokePort | null;
}

/** What each command needs from GitHub, for the message when there is no token. */
const PERMISSIONS = {
  release: "`contents: write` (and `pull-requests: write` with `release-mode: pull-request`)",
  deploy: "`deployments: write` (and `actions: write` for rollbacks)",
  rollback: "`deployments: write`",
  smoke: "`deployments: read` (to read the deployed version when `version` is not set)",
  incident: "`issues: write`",
  metrics: "`deployments: read` and `contents: read`",
} as const;

/** How long a local deploy waits for another one of the same environment (SHIPGUARD_LOCK_WAIT_SECONDS). */
const LOCK_WAIT_SECONDS = 600;

export class CompositionRoot {
  private clients: Promise<{ octokit: GitHubClient; urgentOctokit: GitHubClient }> | null = null;
  /** The environment locks this run holds, shared with the roots with() makes (re-entrancy). */
  private held = new Set<string>();

  constructor(readonly context: RunContext) {}

  /** The same wiring for a run in another context (the automatic rollback's actor); clients are shared. */
  with(patch: Partial<RunContext>): CompositionRoot {
    const root = new CompositionRoot({ ...this.context, ...patch });
    root.clients = this.clients;
    root.held = this.held;
    return root;
  }

  /** The folder of the repository a command works in. */
  repoDir(workingDirectory: string): string {
    return path.resolve(this.context.workspace, workingDirectory);
  }

  git(workingDirectory: string): GitCli {
    return new GitCli(this.repoDir(workingDirectory), this.context.logger, this.context.env);
  }

  /**
   * GitHub, when the settings name a repository (the action's default: the workflow's own); null
   * for the local backend. A missing token is an error here, before anything is written.
   */
  async github(
    repository: Repository | null,
    command: keyof typeof PERMISSIONS,
    tokenOptional = false,
  ): Promise<GitHubSide | null> {
    if (repository === null) return null;
    const { token, apiUrl, graphqlUrl } = this.context.github;
    if (token === "" && !tokenOptional) {
      throw shipguardError("SG_TOKEN_MISSING", {
        command,
        permissions: PERMISSIONS[command],
        cli: this.context.host === "cli",
      });
    }
    this.clients ??= import("../adapters/github/client.ts").then(({ createClient }) => {
      const options = {
        token: token || "dry-run",
        baseUrl: apiUrl,
        graphqlUrl: graphqlUrl ?? undefined,
        logger: this.context.logger,
      };
      return { octokit: createClient(options), urgentOctokit: createClient(options) };
    });
    return { repository, ...(await this.clients) };
  }

  async forge(settings: ReleaseSettings, git: GitCli): Promise<Forge> {
    const github = await this.github(settings.repository, "release", settings.dryRun);
    if (github === null) {
      const { LocalForge } = await import("../adapters/local-forge.ts");
      return new LocalForge(git, this.context.logger, settings.push ? "origin" : null);
    }
    const { GitHubForge } = await import("../adapters/github/forge.ts");
    return new GitHubForge(github.octokit, github.repository, this.context.logger);
  }

  /**
   * GitHub Deployments, or the local ledger file. `existing`: a file named by `ledger-file` must be
   * there (a report of a typo'd path would otherwise say "no deployments").
   */
  async ledger(
    github: GitHubSide | null,
    repoDir: string,
    ledgerFile: string | null,
    options: { existing?: boolean } = {},
  ): Promise<Ledger> {
    if (github !== null) {
      const { GitHubLedger } = await import("../adapters/github/ledger.ts");
      return new GitHubLedger(github.octokit, github.repository, this.context.logger);
    }
    const { LocalLedger } = await import("../adapters/local-ledger.ts");
    const file = await ledgerPath(repoDir, ledgerFile);
    if (options.existing === true && ledgerFile !== null && !(await isFile(file)))
      throw shipguardError("SG_LEDGER_FILE_MISSING", { ledgerFile, path: file });
    return new LocalLedger(file, { logger: this.context.logger, creator: this.context.actor });
  }

  /**
   * Runs `work` holding the environment's lock, on the local backend (on GitHub the workflows'
   * concurrency serialises runs). Re-entrant within a run: the automatic rollback of a failed
   * deploy, wired through with(), runs under the lock its deploy holds.
   */
  async exclusive<T>(
    github: GitHubSide | null,
    repoDir: string,
    target: { environment: string; ledgerFile: string | null; command: string },
    work: () => Promise<T>,
  ): Promise<T> {
    if (github !== null) return work();
    const { acquireEnvironmentLock, environmentLockPath } = await import("../adapters/environment-lock.ts");
    const file = environmentLockPath(await ledgerPath(repoDir, target.ledgerFile), target.environment);
    if (this.held.has(file)) return work();
    const seconds = Number(this.context.env.SHIPGUARD_LOCK_WAIT_SECONDS ?? LOCK_WAIT_SECONDS);
    const { cancellation } = this.context;
    const lock = await acquireEnvironmentLock({
      file,
      environment: target.environment,
      command: target.command,
      logger: this.context.logger,
      waitMs: (Number.isFinite(seconds) && seconds >= 0 ? seconds : LOCK_WAIT_SECONDS) * 1000,
      signal: cancellation.signal,
    }).catch((error: unknown) => {
      const signal = cancellation.cause();
      if (signal === null) throw error;
      throw shipguardError("SG_CANCELLED", { signal, environment: target.environment });
    });
    this.held.add(file);
    try {
      return await work();
    } finally {
      this.held.delete(file);
      await lock.release();
    }
  }

  async dispatcher(github: GitHubSide, urgent = false): Promise<Dispatcher> {
    const { GitHubDispatcher } = await import("../adapters/github/dispatcher.ts");
    const octokit = urgent ? github.urgentOctokit : github.octokit;
    return new GitHubDispatcher(octokit, github.repository, this.context.logger);
  }

  /** The branch dispatched workflows run on: workflow-ref, else the repository's default branch. */
  async workflowRef(github: GitHubSide, settings: { workflowRef: string | null }): Promise<string> {
    if (settings.workflowRef !== null) return settings.workflowRef;
    if (this.context.github.defaultBranch !== null) return this.context.github.defaultBranch;
    // Not in the event (a workflow_call from a scheduled run, say): ask once.
    const repo = await github.octokit.rest.repos.get({ ...github.repository });
    return repo.data.default_branch;
  }

  async deployer(settings: StrategySettings, github: GitHubSide | null, repoDir: string): Promise<Deployer> {
    const { logger, env } = this.context;
    const common = { env, logger, timeoutMs: settings.deployTimeoutMs };
    switch (settings.strategy) {
      case "command": {
        const { CommandDeployer } = await import("../adapters/deployers/command.ts");
        return new CommandDeployer({
          ...common,
          command: settings.deployCommand ?? "",
          prepareCommand: settings.prepareCommand,
          cwd: repoDir,
        });
      }
      case "symlink": {
        const { SymlinkDeployer } = await import("../adapters/deployers/symlink.ts");
        return new SymlinkDeployer({
          ...common,
          releaseSource: path.resolve(repoDir, settings.releaseSource ?? ""),
          releasesDir: path.resolve(repoDir, settings.releasesDir ?? ""),
          ...(settings.currentLink === null
            ? {}
            : { currentLink: path.resolve(repoDir, settings.currentLink) }),
          keepReleases: settings.keepReleases,
          restartCommand: settings.restartCommand,
          prepareCommand: settings.prepareCommand,
        });
      }
      case "workflow": {
        if (github === null) throw shipguardError("SG_WORKFLOW_NEEDS_GITHUB", {});
        const { WorkflowDeployer } = await import("../adapters/deployers/workflow.ts");
        return new WorkflowDeployer({
          dispatcher: await this.dispatcher(github),
          workflow: settings.deployWorkflow ?? "",
          ref: await this.workflowRef(github, settings),
          inputs: settings.workflowInputs,
          timeoutMs: settings.deployTimeoutMs,
          logger,
          onStatus: (status) => logger.info(`deploy workflow: ${status}`),
        });
      }
    }
  }

  /** The ports deploy and rollback share: git, the environment's ledger, the deployer and the checks. */
  async deployLoop(
    settings: StrategySettings & {
      workingDirectory: string;
      repository: Repository | null;
      ledgerFile: string | null;
      checks: ChecksSource;
    },
    command: "deploy" | "rollback",
  ): Promise<{ github: GitHubSide | null; repoDir: string; ports: DeployLoopPorts }> {
    const repoDir = this.repoDir(settings.workingDirectory);
    const github = await this.github(settings.repository, command);
    const ports: DeployLoopPorts = {
      git: this.git(settings.workingDirectory),
      ledger: await this.ledger(github, repoDir, settings.ledgerFile),
      deployer: await this.deployer(settings, github, repoDir),
      logger: this.context.logger,
      smoke: await this.smoke(settings.checks, repoDir),
    };
    return { github, repoDir, ports };
  }

  /** Reads and validates the checks up front, so a typo fails before anything is deployed. */
  async smoke(checks: ChecksSource, repoDir: string): Promise<SmokePort | null> {
    let text = checks.inline;
    let source = "the `checks` input";
    if (checks.file !== null) {
      const file = checks.file;
      source = file;
      text = await readFile(path.resolve(repoDir, file), "utf8").catch((error: NodeJS.ErrnoException) => {
        throw shipguardError("SG_CHECKS_FILE_UNREADABLE", { file, detail: error.code ?? error.message });
      });
    }
    if (text === null) return null;
    // Loaded only here: the checks' parser and probes (and the YAML reader) are not start-up cost
    // for the commands that run no checks.
    const [{ parseChecks }, { secretValues }, { runSmoke }] = await Promise.all([
      import("../core/smoke/parse-checks.ts"),
      import("../core/smoke/expand-suite.ts"),
      import("../adapters/probes/index.ts"),
    ]);
    const suite = parseChecks(text, source);
    for (const secret of secretValues(suite, this.context.env)) this.context.registerSecret(secret);
    const { logger, redact } = this.context;
    return {
      suite,
      run: (s, env, signal) =>
        runSmoke(s, {
          env,
          signal,
          redact,
          onAttempt: (event) => {
            if (event.nextDelayMs !== null) {
              logger.debug(
                `check ${event.check}: attempt ${event.attempt} ${event.outcome.verdict}; next in ${event.nextDelayMs} ms`,
              );
            }
          },
        }),
    };
  }

  /**
   * The webhooks of notify-url (the host masked them, as every `secret` option, before anything
   * ran). Each event is cleared of the run's secrets before any body is made of it.
   */
  async notifier(settings: NotifySettings): Promise<Notifier> {
    const { WebhookNotifier } = await import("../adapters/notify/webhook.ts");
    const notifier = new WebhookNotifier({ urls: settings.urls, format: settings.format });
    const { redact } = this.context;
    return { send: (event, limits) => notifier.send(redactDeep(event, redact), limits) };
  }

  /**
   * Where incidents are recorded: an issue in the repository the settings name (GitHub), else
   * markdown files in `incidents/` next to the local ledger (`.shipguard/incidents/`).
   */
  async incidentLog(where: {
    repository: Repository | null;
    workingDirectory: string;
    ledgerFile: string | null;
  }): Promise<IncidentLog> {
    const log = await this.incidentLogOn(where);
    const { redact } = this.context;
    // Its title and report (the summary, with the checks' output) are cleared of the run's secrets.
    return { describe: log.describe, record: (incident) => log.record(redactDeep(incident, redact)) };
  }

  private async incidentLogOn(where: {
    repository: Repository | null;
    workingDirectory: string;
    ledgerFile: string | null;
  }): Promise<IncidentLog> {
    const github = await this.github(where.repository, "incident");
    if (github !== null) {
      const { GitHubIncidentLog } = await import("../adapters/github/incidents.ts");
      return new GitHubIncidentLog(github.octokit, github.repository, this.context.logger);
    }
    const { incidentsFolder, LocalIncidentLog } = await import("../adapters/local-incidents.ts");
    const ledger = await ledgerPath(this.repoDir(where.workingDirectory), where.ledgerFile);
    return new LocalIncidentLog(incidentsFolder(ledger), this.context.logger);
  }

  /** before-rollback and after-rollback: the user's commands, in the repository, with a bound. */
  async hooks(repoDir: string): Promise<HookRunner> {
    const { runShell } = await import("../adapters/deployers/process.ts");
    const { logger } = this.context;
    return {
      async run(label, command, env, signal) {
        const r = await runShell({
          label,
          command,
          cwd: repoDir,
          env,
          signal,
          timeoutMs: 15 * 60_000,
          onOutput: (text) => logger.untrusted(text.replace(/\n$/, "")),
        });
        return { ok: r.failure === null, failure: r.failure, tail: r.tail };
      },
    };
  }
}

/** The local ledger file: `ledger-file` in the repository, else the default in .shipguard/. */
async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function ledgerPath(repoDir: string, ledgerFile: string | null): Promise<string> {
  if (ledgerFile !== null) return path.resolve(repoDir, ledgerFile);
  const { defaultLedgerPath } = await import("../adapters/local-ledger.ts");
  return defaultLedgerPath(repoDir);
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
