#!/usr/bin/env node
/**
 * The CLI's entry point. `--version` answers without loading the engine, so start-up stays fast;
 * everything else is the CLI host (hosts/cli.ts), loaded on demand. With index.ts, the only code
 * that reads the environment.
 */
import module from "node:module";
import pkg from "../package.json" with { type: "json" };

// `shipguard deploy ... 2>&1 | head -1` closes the pipe early: that is the reader's choice, not a
// reason to stop. Writes to a closed stdout or stderr are dropped (hosts/cli.ts stops writing to
// it), and the command, a deploy with its checks, rollback and record, finishes; the exit code is its own.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}

const argv = process.argv.slice(2);
if (argv[0] === "--version" || argv[0] === "-v") {
  process.stdout.write(`${pkg.version}\n`);
} else {
  // V8's code cache for the engine's modules, read instead of compiling them on every run
  // (Node 22.1+; a no-op on older Node). Node's own default place: $NODE_COMPILE_CACHE, else
  // <os.tmpdir()>/node-compile-cache, per Node version; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  // It never throws, and a folder it cannot write only means no cache. Child processes are not
  // affected: it changes neither the environment nor anything but this process's compilation.
  module.enableCompileCache?.();
  const { runCli, describeFailure, printable } = await import("./hosts/cli.ts");
  await runCli(argv, process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (!process.stderr.destroyed)
        process.stderr.write(`shipguard: ${printable(describeFailure(error))}\n`);
      process.exitCode = 1;
    },
  );
}
