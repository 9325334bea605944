#!/usr/bin/env node
import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  package_default
} from "./chunks/chunk-T67XSDKE.js";
import "./chunks/chunk-A5QYGNMP.js";

// src/cli.ts
import module from "node:module";
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    throw error;
  });
}
var argv = process.argv.slice(2);
if (argv[0] === "--version" || argv[0] === "-v") {
  process.stdout.write(`${package_default.version}
`);
} else {
  module.enableCompileCache?.();
  const { runCli, describeFailure, printable } = await import("./chunks/cli-B7QJ3MGJ.js");
  await runCli(argv, process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      if (!process.stderr.destroyed)
        process.stderr.write(`shipguard: ${printable(describeFailure(error))}
`);
      process.exitCode = 1;
    }
  );
}
