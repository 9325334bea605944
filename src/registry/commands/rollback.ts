import { type RollbackResult, runRollback } from "../../commands/rollback.ts";
import { rollbackOutputs, rollbackSummary, rollbackText } from "../../presenters/deploy.ts";
import { type RollbackSettings, readRollbackSettings } from "../../settings.ts";
import { register } from "../command.ts";
import type { CompositionRoot } from "../compose.ts";

/** Wires and runs one rollback: by hand, from a dispatched workflow, or in process after a failed deploy. */
export async function rollBack(settings: RollbackSettings, root: CompositionRoot): Promise<RollbackResult> {
  const repoDir = root.repoDir(settings.workingDirectory);
  const github = await root.github(settings.repository, "rollback");
  return runRollback(
    settings,
    {
      git: root.git(settings.workingDirectory),
      ledger: await root.ledger(github, repoDir, settings.ledgerFile),
      deployer: await root.deployer(settings, github, repoDir),
      logger: root.context.logger,
      smoke: await root.smoke(settings.checks, repoDir),
      hooks: await root.hooks(repoDir),
    },
    root.context,
  );
}

export const rollbackCommand = register<RollbackSettings, RollbackResult>({
  read: readRollbackSettings,
  run: rollBack,
  present: (r) => ({
    ok: r.status === "success" || r.status === "skipped",
    message: r.message,
    problem: r.blocked,
    outputs: rollbackOutputs(r),
    summary: rollbackSummary(r),
    text: rollbackText(r),
    json: r,
  }),
});
