/**
 * The action's entry point: the action host runs the command its `command` input names. With
 * cli.ts, the only code that reads the environment. A cancelled run (the runner's SIGINT, then
 * SIGTERM) exits 130 or 143 once its command has cleaned up (hosts/signals.ts).
 */
import * as core from "@actions/core";
import { describeFailure } from "./errors.ts";
import { actionHost } from "./hosts/action.ts";
import { processCancellation } from "./hosts/signals.ts";
import { execute } from "./registry/index.ts";

const cancellation = processCancellation((line) => core.setFailed(`shipguard: ${line}`));
try {
  const host = actionHost(process.env, cancellation);
  await execute(host, host.command);
} catch (error) {
  core.setFailed(describeFailure(error));
} finally {
  cancellation.dispose();
  process.exitCode = cancellation.exitCode() ?? process.exitCode;
}
