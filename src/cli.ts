#!/usr/bin/env node
/**
 * The CLI's entry point. `--version` answers without loading the engine, so start-up stays fast;
 * everything else is the CLI host (hosts/cli.ts), loaded on demand. With index.ts, the only code
 * that reads the environment.
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
  const { runCli } = await import("./hosts/cli.ts");
  const { describeFailure } = await import("./errors.ts");
  const { printable } = await import("./presenters/markdown.ts");
  await runCli(argv, process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`shipguard: ${printable(describeFailure(error))}\n`);
      process.exitCode = 1;
    },
  );
}
