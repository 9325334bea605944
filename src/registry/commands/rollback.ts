import { type RollbackResult, runRollback } from "../../commands/rollback.ts";
import { rollbackOutputs, rollbackSummary, rollbackText } from "../../presenters/deploy.ts";
import { type RollbackSettings, readRollbackSettings } from "../../settings.ts";
import { register } from "../command.ts";
import type { CompositionRoot } from "../compose.ts";

/** Wires and runs one rollback: by hand, from a dispatched workflow, or in process after a failed deploy. */
export async function rollBack(settings: RollbackSettings, root: CompositionRoot): Promise<RollbackResult> {
  const { repoDir, ports } = await root.deployLoop(settings, "rollback");
  return runRollback(settings, { ...ports, hooks: await root.hooks(repoDir) }, root.context);
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
