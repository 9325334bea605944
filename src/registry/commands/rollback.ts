import { type RollbackResult, runRollback } from "../../commands/rollback.ts";
import { rollbackOutputs, rollbackSummary, rollbackText } from "../../presenters/deploy.ts";
import { rollbackEvents, rollbackIncident } from "../../presenters/events.ts";
import { ROLLBACK_SUFFIX, type RollbackSettings, readRollbackSettings } from "../../settings.ts";
import { eventContext } from "../announce.ts";
import { register } from "../command.ts";
import type { CompositionRoot } from "../compose.ts";

/** Wires and runs one rollback: by hand, from a dispatched workflow, or in process after a failed deploy. */
export async function rollBack(settings: RollbackSettings, root: CompositionRoot): Promise<RollbackResult> {
  const { github, repoDir, ports } = await root.deployLoop(settings, "rollback");
  const hooks = await root.hooks(repoDir);
  const command = `rollback${settings.toVersion === null ? "" : ` to ${settings.toVersion}`}`;
  return root.exclusive(github, repoDir, { ...settings, command }, () =>
    runRollback(settings, { ...ports, hooks }, root.context),
  );
}

export const rollbackCommand = register<RollbackSettings, RollbackResult>({
  read: readRollbackSettings,
  run(settings, root) {
    // Said before the rollback starts, so the log shows them even when it fails.
    for (const warning of settings.notify.warnings) root.context.logger.warning(warning);
    return rollBack(settings, root);
  },
  present: (r) => ({
    ok: r.status === "success" || r.status === "skipped",
    message: r.message,
    problem: r.blocked,
    outputs: rollbackOutputs(r),
    summary: rollbackSummary(r),
    text: rollbackText(r),
    json: r,
  }),
  announce: (r, settings, root) => ({
    notify: settings.notify,
    events: rollbackEvents(r, eventContext(root, settings, settings.environmentUrl), ROLLBACK_SUFFIX),
    incident: rollbackIncident(r, ROLLBACK_SUFFIX),
    where: settings,
  }),
});
