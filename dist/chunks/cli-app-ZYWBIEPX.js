import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  COMMANDS,
  GitCli,
  ShipguardError,
  isShipguardError,
  optionsFor,
  printable,
  readVersionSettings,
  runVersion,
  versionJson,
  versionText
} from "./chunk-7LBDCETO.js";
import {
  package_default
} from "./chunk-IVPUUCJD.js";
import "./chunk-YIKRADAN.js";

// src/cli-app.ts
import path from "node:path";
var COMMAND_HELP = {
  version: "Compute the next version from the Conventional Commits since the last tag, and why."
};
function parseArgs(argv) {
  const args = { command: null, values: /* @__PURE__ */ new Map(), json: false, help: false, verbose: false };
  let i = 0;
  const first = argv[0];
  if (first !== void 0 && !first.startsWith("-")) {
    if (!COMMANDS.includes(first)) {
      throw new ShipguardError(`Unknown command ${JSON.stringify(first)}.`, {
        remedy: `Use one of: ${COMMANDS.join(", ")}. Run \`shipguard --help\` for more.`
      });
    }
    args.command = first;
    i = 1;
  }
  const specs = args.command === null ? [] : optionsFor(args.command).filter((o) => !o.actionOnly);
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") args.json = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--verbose" || arg === "--debug") args.verbose = true;
    else if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq === -1 ? void 0 : eq);
      const spec = specs.find((o) => o.name === name || o.alias === name);
      if (spec === void 0) {
        throw new ShipguardError(`Unknown flag --${name}${args.command ? ` for \`${args.command}\`` : ""}.`, {
          remedy: `Run \`shipguard ${args.command ?? ""} --help\` for the flags it takes.`.replace("  ", " ")
        });
      }
      let value;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (spec.boolean && (argv[i + 1] === void 0 || argv[i + 1]?.startsWith("--"))) value = "true";
      else value = argv[++i];
      if (value === void 0) {
        throw new ShipguardError(`Flag --${name} needs a value.`, {
          remedy: `Write --${name} <value> or --${name}=<value>.`
        });
      }
      args.values.set(spec.name, value);
    } else {
      throw new ShipguardError(`Unexpected argument ${JSON.stringify(arg)}.`, {
        remedy: "Flags take the form --name value. Run `shipguard --help`."
      });
    }
  }
  return args;
}
function usage(command) {
  if (command === null) {
    return [
      `shipguard ${package_default.version}: release, deploy, verify and roll back from Conventional Commits.`,
      "",
      "Usage: shipguard <command> [flags]",
      "",
      "Commands:",
      ...COMMANDS.map((c) => `  ${c.padEnd(10)} ${COMMAND_HELP[c]}`),
      "",
      "Global flags: --json (machine-readable output), --verbose, --help, --version",
      "Run `shipguard <command> --help` for a command's flags."
    ].join("\n");
  }
  const flag = (o) => `  --${o.name}${o.alias ? `, --${o.alias}` : ""}`;
  const lines = optionsFor(command).filter((o) => !o.actionOnly).map((o) => `${flag(o).padEnd(30)} ${o.description}${o.default ? ` (default: ${o.default})` : ""}`);
  return [
    `Usage: shipguard ${command} [flags]`,
    "",
    COMMAND_HELP[command],
    "",
    "Flags:",
    ...lines,
    `  ${"--json".padEnd(28)} Print one JSON object instead of text.`,
    `  ${"--verbose".padEnd(28)} Print debug lines on stderr.`
  ].join("\n");
}
function cliLogger(verbose) {
  const err = (prefix, m) => process.stderr.write(`${prefix}${printable(m)}
`);
  return {
    debug: (m) => verbose && err("debug: ", m),
    info: (m) => err("", m),
    warning: (m) => err("warning: ", m),
    untrusted: (m) => err("", m)
  };
}
async function runCli(argv) {
  const args = parseArgs(argv);
  if (args.help || args.command === null) {
    process.stdout.write(`${usage(args.command)}
`);
    return args.help ? 0 : 2;
  }
  const logger = cliLogger(args.verbose);
  const source = (name) => args.values.get(name);
  switch (args.command) {
    case "version": {
      const settings = readVersionSettings(source);
      const git = new GitCli(path.resolve(settings.workingDirectory), logger, process.env);
      const result = await runVersion(
        settings,
        { git, logger },
        { serverUrl: null, repository: null, branch: null }
      );
      process.stdout.write(
        args.json ? `${JSON.stringify(versionJson(result), null, 2)}
` : printable(versionText(result))
      );
      return 0;
    }
  }
}
function reportFailure(error) {
  if (isShipguardError(error)) process.stderr.write(`shipguard: ${printable(error.describe())}
`);
  else
    process.stderr.write(
      `shipguard: unexpected failure: ${error instanceof Error ? error.stack : String(error)}
`
    );
}
export {
  parseArgs,
  reportFailure,
  runCli
};
