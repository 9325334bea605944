import { type DeployResult, runDeploy } from "../../commands/deploy.ts";
import { mentionsId } from "../../core/run-title.ts";
import { isShipguardError } from "../../errors.ts";
import type { RollbackRequest, RollbackStarter } from "../../ports.ts";
import { deployOutputs, deploySummary, deployText } from "../../presenters/deploy.ts";
import { deployEvents, deployIncident } from "../../presenters/events.ts";
import {
  type DeploySettings,
  migrationPathsOf,
  type RollbackSettings,
  readDeploySettings,
} from "../../settings.ts";
import { eventContext } from "../announce.ts";
import { register } from "../command.ts";
import type { CompositionRoot, GitHubSide } from "../compose.ts";
import { rollBack } from "./rollback.ts";

export const deployCommand = register<DeploySettings, DeployResult>({
  read: readDeploySettings,
  async run(settings, root) {
    const { github, repoDir, ports } = await root.deployLoop(settings, "deploy");
    const rollback = settings.onFailure === "none" ? null : rollbackStarter(settings, github, root);
    // Held across the deploy, its checks, its rollback and its record.
    const command = `deploy ${settings.version ?? settings.ref ?? ""}`.trim();
    return root.exclusive(github, repoDir, { ...settings, command }, () =>
      runDeploy(settings, { ...ports, rollback }, root.context),
    );
  },
  present: (r) => ({
    ok: r.status === "success",
    message: r.message,
    problem: r.blocked,
    outputs: deployOutputs(r),
    summary: deploySummary(r),
    text: deployText(r),
    json: r,
  }),
  announce: (r, settings, root) => ({
    notify: settings.notify,
    events: deployEvents(r, eventContext(root, settings, settings.environmentUrl)),
    incident: deployIncident(r),
    where: settings,
  }),
});

/**
 * On GitHub a failed deploy dispatches the repository's rollback workflow (a rollback gets its own
 * run, record and report, and maintainers can re-run it); outside GitHub it runs in this process,
 * through the same wiring as `shipguard rollback`.
 */
function rollbackStarter(
  settings: DeploySettings,
  github: GitHubSide | null,
  root: CompositionRoot,
): RollbackStarter {
  if (github !== null) {
    return {
      async start(request) {
        const dispatcher = await root.dispatcher(github, true);
        const run = await dispatcher.dispatch({
          workflow: settings.rollbackWorkflow,
          ref: await root.workflowRef(github, settings),
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
      // The rollback workflow's run-name shows the environment (the README's contract, like the
      // correlation id), so a queued or running rollback of this environment is found by it.
      async pending(environment) {
        const dispatcher = await root.dispatcher(github, true);
        const runs = await dispatcher.activeRuns(settings.rollbackWorkflow);
        const run = runs.find((r) => mentionsId(r.title, environment));
        return run === undefined
          ? null
          : { workflow: settings.rollbackWorkflow, url: run.url, status: run.status };
      },
    };
  }
  return {
    async start(request) {
      const { logger, actor } = root.context;
      logger.info(`Rolling ${request.environment} back to ${request.toVersion} in this process.`);
      const automatic = root.with({ actor: actor ?? "shipguard (automatic)" });
      try {
        const r = await rollBack(automaticRollback(settings, request), automatic);
        logger.info(r.message);
        const status = r.status === "success" || r.status === "blocked" ? r.status : "failure";
        return { url: null, status, detail: r.blocked ? `${r.blocked.code}: ${r.message}` : r.message };
      } catch (error) {
        // The deploy's own result must still be reported: a rollback that could not run is a failed one.
        const message = isShipguardError(error) ? `${error.code}: ${error.message}` : String(error);
        logger.warning(`The rollback did not run: ${message}`);
        return { url: null, status: "failure", detail: message };
      }
    },
  };
}

/** The rollback a failed local deploy starts: the deploy's strategy and checks, the guards' defaults. */
export function automaticRollback(deploy: DeploySettings, request: RollbackRequest): RollbackSettings {
  const { version, ref, onFailure, rollbackWorkflow, promotion, ...shared } = deploy;
  return {
    ...shared,
    environment: request.environment,
    toVersion: request.toVersion,
    fromVersion: request.fromVersion,
    reason: request.reason,
    correlationId: request.correlationId,
    force: false,
    allowMigrations: false,
    migrationPaths: migrationPathsOf(),
    beforeRollback: null,
    afterRollback: null,
  };
}
