#!/usr/bin/env node
import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-SXKY72QQ.js";
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
  const { runCli, reportFailure } = await import("./chunks/cli-app-KXGKLPGS.js");
  await runCli(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      reportFailure(error);
      process.exitCode = 1;
    }
  );
}
