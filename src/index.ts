/**
 * The action's entry point: the action host runs the command its `command` input names. With
 * cli.ts, the only code that reads the environment. A cancelled run (the runner's SIGINT, then
 * SIGTERM) exits 130 or 143 once its command has cleaned up (hosts/signals.ts).
 */
import module from "node:module";

// V8's code cache, as in src/cli.ts: enabled before the engine's modules load, so the later steps
// of a job (version, then release, deploy, smoke) read them compiled. Node's default place
// (<os.tmpdir()>/node-compile-cache, or $NODE_COMPILE_CACHE); NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
const [core, { describeFailure }, { actionHost }, { processCancellation }, { execute }] = await Promise.all([
  import("@actions/core"),
  import("./errors.ts"),
  import("./hosts/action.ts"),
  import("./hosts/signals.ts"),
  import("./registry/index.ts"),
]);

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
