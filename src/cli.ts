#!/usr/bin/env node
/**
 * The CLI entry point. `--version` answers without loading the engine, so start-up stays fast;
 * everything else is in cli-app.ts, loaded on demand.
 */
import pkg from "../package.json" with { type: "json" };

// `shipguard version | head -1` closes the pipe early: that is the reader's choice, not a crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
if (argv[0] === "--version" || argv[0] === "-v") {
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { runCli, reportFailure } = await import("./cli-app.ts");
  await runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      reportFailure(error);
      process.exitCode = 1;
    },
  );
}
