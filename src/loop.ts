/**
 * The deploy loop's commands (deploy, smoke, rollback) as both entry points run them: settings
 * from one source, ports from compose.ts, a result turned into outputs, a summary and text. The
 * action and the CLI differ only in their Runtime (GitHub or local) and how they print.
 */
import { randomBytes } from "node:crypto";
import { runShell } from "./adapters/deployers/process.ts";
import { GitCli } from "./adapters/git-cli.ts";
import { type DeployResult, type RollbackStarter, runDeploy } from "./commands/deploy.ts";
import { type HookRunner, type RollbackResult, runRollback } from "./commands/rollback.ts";
import { runSmokeCommand } from "./commands/smoke.ts";
import {
  buildDeployer,
  buildDispatcher,
  buildLedger,
  buildSmoke,
  type Runtime,
  workflowRef,
} from "./compose.ts";
import {
  deployOutputs,
  deploySummary,
  deployText,
  rollbackOutputs,
  rollbackSummary,
  rollbackText,
  smokeOutputs,
  smokeSummary,
  smokeText,
} from "./presenters/deploy.ts";
import {
  type DeploySettings,
  type RawSource,
  readDeploySettings,
  readRollbackSettings,
  readSmokeSettings,
} from "./settings.ts";

export type LoopCommand = "deploy" | "smoke" | "rollback";

export interface LoopContext {
  runUrl: string | null;
  actor: string | null;
}

export interface LoopOutcome {
  ok: boolean;
  /** The closing sentence: the failure message when not ok. */
  message: string;
  outputs: Record<string, string>;
  summary: string;
  text: string;
  json: unknown;
}

export function newCorrelationId(): string {
  return `sg-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}

export function hookRunner(runtime: Runtime): HookRunner {
  return {
    async run(label, command, env) {
      const r = await runShell({
        label,
        command,
        cwd: runtime.repoDir,
        env,
        timeoutMs: 15 * 60_000,
        onOutput: (text) => runtime.logger.untrusted(text.replace(/\n$/, "")),
      });
      return { ok: r.failure === null, failure: r.failure, tail: r.tail };
    },
  };
}

export async function runLoop(
  command: LoopCommand,
  source: RawSource,
  runtime: Runtime,
  context: LoopContext,
): Promise<LoopOutcome> {
  const git = new GitCli(runtime.repoDir, runtime.logger, runtime.env);
  switch (command) {
    case "smoke": {
      const settings = readSmokeSettings(source);
      const smoke = await buildSmoke(runtime, settings.checks);
      if (smoke === null) throw new Error("smoke settings always carry checks");
      const r = await runSmokeCommand(settings, { smoke, baseEnv: runtime.env });
      return {
        ok: r.verdict === "pass",
        message: r.message,
        outputs: smokeOutputs(r),
        summary: smokeSummary(r.report),
        text: smokeText(r.report),
        json: r.report,
      };
    }
    case "deploy": {
      const settings = readDeploySettings(source);
      const smoke = await buildSmoke(runtime, settings.checks);
      const deployer = await buildDeployer(runtime, settings);
      const ledger = buildLedger(runtime, settings.ledgerFile);
      const rollback =
        settings.onFailure === "none" ? null : rollbackStarter(runtime, settings, source, context);
      const r: DeployResult = await runDeploy(
        settings,
        {
          git,
          ledger,
          deployer,
          logger: runtime.logger,
          smoke,
          rollback,
          baseEnv: runtime.env,
          newCorrelationId,
        },
        { runUrl: context.runUrl },
      );
      return {
        ok: r.status === "success",
        message: r.message,
        outputs: deployOutputs(r),
        summary: deploySummary(r),
        text: deployText(r),
        json: r,
      };
    }
    case "rollback": {
      const r = await rollback(source, runtime, context);
      return {
        ok: r.status !== "failure",
        message: r.message,
        outputs: rollbackOutputs(r),
        summary: rollbackSummary(r),
        text: rollbackText(r),
        json: r,
      };
    }
  }
}

async function rollback(source: RawSource, runtime: Runtime, context: LoopContext): Promise<RollbackResult> {
  const settings = readRollbackSettings(source);
  const git = new GitCli(runtime.repoDir, runtime.logger, runtime.env);
  return runRollback(
    settings,
    {
      git,
      ledger: buildLedger(runtime, settings.ledgerFile),
      deployer: await buildDeployer(runtime, settings),
      logger: runtime.logger,
      smoke: await buildSmoke(runtime, settings.checks),
      hooks: hookRunner(runtime),
      baseEnv: runtime.env,
      newCorrelationId,
    },
    context,
  );
}

/**
 * On GitHub a failed deploy dispatches the repository's rollback workflow (a rollback gets its own
 * run, record and report, and maintainers can re-run it); outside GitHub it runs in this process.
 */
function rollbackStarter(
  runtime: Runtime,
  settings: DeploySettings,
  source: RawSource,
  context: LoopContext,
): RollbackStarter {
  const dispatcher = buildDispatcher(runtime, true);
  if (dispatcher !== null) {
    return {
      async start(request) {
        const run = await dispatcher.dispatch({
          workflow: settings.rollbackWorkflow,
          ref: await workflowRef(runtime, settings),
          inputs: {
            environment: request.environment,
            "to-version": request.toVersion,
            "from-version": request.fromVersion,
            reason: request.reason,
            "correlation-id": request.correlationId,
          },
          correlationId: request.correlationId,
        });
        return { url: run.url, status: "started", detail: `dispatched ${settings.rollbackWorkflow}` };
      },
    };
  }
  return {
    async start(request) {
      const overrides: Record<string, string> = {
        "to-version": request.toVersion,
        "from-version": request.fromVersion,
        reason: request.reason,
        "correlation-id": request.correlationId,
      };
      runtime.logger.info(`Rolling ${request.environment} back to ${request.toVersion} in this process.`);
      try {
        const r = await rollback((name) => overrides[name] ?? source(name), runtime, {
          ...context,
          actor: context.actor ?? "shipguard (automatic)",
        });
        runtime.logger.info(r.message);
        return { url: null, status: r.status === "success" ? "success" : "failure", detail: r.message };
      } catch (error) {
        // A guard that refused (migrations, a rollback of a rollback) is a failed rollback, said plainly.
        const message = error instanceof Error ? error.message : String(error);
        runtime.logger.warning(`The rollback did not run: ${message}`);
        return { url: null, status: "failure", detail: message };
      }
    },
  };
}
