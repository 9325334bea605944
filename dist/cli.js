#!/usr/bin/env node
import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-MDN4F3KD.js";
import "./chunks/chunk-YIKRADAN.js";

// src/cli.ts
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
var argv = process.argv.slice(2);
if (argv[0] === "--version" || argv[0] === "-v") {
  process.stdout.write(`${package_default.version}
`);
} else {
  const { runCli } = await import("./chunks/cli-WEFMKZP5.js");
  const { describeFailure } = await import("./chunks/errors-76BF2737.js");
  const { printable } = await import("./chunks/markdown-I3IUCKES.js");
  await runCli(argv, process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`shipguard: ${printable(describeFailure(error))}
`);
      process.exitCode = 1;
    }
  );
}
