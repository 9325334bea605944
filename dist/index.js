import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/index.ts
import module from "node:module";
module.enableCompileCache?.();
var [core, { describeFailure }, { actionHost }, { processCancellation }, { execute }] = await Promise.all([
  import("./chunks/core-AT6V7VQ2.js"),
  import("./chunks/errors-BVKACEL3.js"),
  import("./chunks/action-7NVZTBJE.js"),
  import("./chunks/signals-SSAP6IZ6.js"),
  import("./chunks/registry-REBKWS6E.js")
]);
var cancellation = processCancellation((line) => core.setFailed(`shipguard: ${line}`));
try {
  const host = actionHost(process.env, cancellation);
  await execute(host, host.command);
} catch (error) {
  core.setFailed(describeFailure(error));
} finally {
  cancellation.dispose();
  process.exitCode = cancellation.exitCode() ?? process.exitCode;
}
