import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runSecrets
} from "./chunk-M7IAJKUN.js";
import {
  COMMAND_REGISTRY,
  childEnvironment,
  execute
} from "./chunk-LK657VT6.js";
import {
  processCancellation
} from "./chunk-QJMK73ZL.js";
import "./chunk-32H4JKIA.js";
import "./chunk-MFXHZQZ4.js";
import {
  parseBoolean
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-QNSM54YF.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import {
  package_default
} from "./chunk-T67XSDKE.js";
import "./chunk-2DVYPI74.js";
import "./chunk-ZMIH3YQE.js";
import {
  CLI_COMMANDS,
  describeFailure,
  optionsFor,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/hosts/cli.ts
import { userInfo } from "node:os";

// src/hosts/cli-args.ts
var DEMO_HELP = "The whole loop in a temporary folder, in a few seconds: release v1.0.0, deploy it to staging in traffic steps and promote it to production through the gate (real servers behind a weighted router); release a broken v1.1.0, watch the gate keep it out of production, its canary in staging fail at 10%, traffic go back to 0% and the automatic rollback to v1.0.0, and what the team was told. No network, no GitHub.";
function parseArgs(argv) {
  const args = { command: null, values: /* @__PURE__ */ new Map(), json: false, help: false, verbose: false };
  let i = 0;
  while (i < argv.length && globalFlag(args, argv[i] ?? "")) i++;
  const first = argv[i];
  if (first !== void 0 && !first.startsWith("-")) {
    if (!CLI_COMMANDS.includes(first)) {
      throw shipguardError("SG_UNKNOWN_COMMAND", { command: first, known: CLI_COMMANDS.join(", ") });
    }
    args.command = first;
    i++;
  }
  const specs = args.command === null ? [] : optionsFor(args.command).filter((o) => !o.actionOnly);
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (globalFlag(args, arg)) continue;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq === -1 ? void 0 : eq);
      const spec = specs.find((o) => o.name === name || o.alias === name);
      if (spec === void 0) throw shipguardError("SG_UNKNOWN_FLAG", { flag: name, command: args.command });
      let value;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (spec.boolean && (argv[i + 1] === void 0 || argv[i + 1]?.startsWith("--"))) value = "true";
      else value = argv[++i];
      if (value === void 0) throw shipguardError("SG_FLAG_VALUE_MISSING", { flag: name });
      args.values.set(spec.name, value);
    } else {
      throw shipguardError("SG_UNEXPECTED_ARGUMENT", { argument: arg });
    }
  }
  const format = args.values.get("format");
  if (args.json && format !== void 0 && format.trim().toLowerCase() === "csv")
    throw shipguardError("SG_INPUTS_CONFLICT", {
      first: "--json",
      firstValue: "true",
      second: "format",
      secondValue: format
    });
  return args;
}
function globalFlag(args, arg) {
  if (arg === "--help" || arg === "-h") {
    args.help = true;
    return true;
  }
  const eq = arg.indexOf("=");
  const name = eq === -1 ? arg : arg.slice(0, eq);
  const on = eq === -1 || parseBoolean(name, arg.slice(eq + 1));
  if (name === "--json") args.json = on;
  else if (name === "--verbose" || name === "--debug") args.verbose = on;
  else return false;
  return true;
}
var TARGET_VARIABLES = [
  ["SHIPGUARD_VERSION", "the version deployed (a short SHA for a `ref` deploy)"],
  ["SHIPGUARD_TAG", "its tag, empty for a `ref` deploy"],
  ["SHIPGUARD_SHA", "the commit"],
  ["SHIPGUARD_ENVIRONMENT", "the environment"],
  [
    "SHIPGUARD_PREVIOUS_VERSION",
    "the version it replaces (the last known good one), empty on a first deploy"
  ],
  ["SHIPGUARD_KIND", "`deploy` or `rollback`"],
  ["SHIPGUARD_CORRELATION_ID", "this attempt's id"]
];
var SYMLINK_VARIABLES = [
  ["SHIPGUARD_RELEASE_DIR", "symlink strategy, prepare and restart: the version's release folder"],
  ["SHIPGUARD_CURRENT", "symlink strategy, prepare and restart: the `current` link"]
];
var COMMAND_VARIABLES = {
  deploy: [
    ...TARGET_VARIABLES,
    ["SHIPGUARD_TRAFFIC_PERCENT", "with traffic-steps only: this step's share (0 sends all traffic back)"],
    ...SYMLINK_VARIABLES
  ],
  rollback: [
    ...TARGET_VARIABLES,
    ...SYMLINK_VARIABLES,
    ["SHIPGUARD_ROLLBACK_FROM", "before-rollback and after-rollback: the version being left"],
    ["SHIPGUARD_ROLLBACK_REASON", "before-rollback and after-rollback: the reason"],
    ["SHIPGUARD_ROLLBACK_STATUS", "after-rollback: `success` or `failure`"]
  ],
  smoke: [
    ["SHIPGUARD_VERSION", "`version`, else the version deployed now in `environment`"],
    ["SHIPGUARD_ENVIRONMENT", "`environment`, when given"]
  ]
};
var COMMAND_DETAILS = {
  incident: "Without --repo, the incident is a markdown file, .shipguard/incidents/<incident id>.md next to the ledger (or next to --ledger-file): the report of its first event, then one section per later event. Recording an event the file already has changes nothing. The file is written whole and renamed into place, so a reader never sees half of it."
};
function summaryOf(command) {
  return command === "demo" ? DEMO_HELP : COMMAND_REGISTRY[command].summary;
}
function shownDefault(value) {
  return value.split(/\r?\n/).join(", ");
}
function usage(command) {
  if (command === null) {
    return [
      `shipguard ${package_default.version}: release, deploy, verify and roll back from Conventional Commits.`,
      "",
      "Usage: shipguard <command> [flags]",
      "",
      "Commands:",
      ...CLI_COMMANDS.map((c) => `  ${c.padEnd(10)} ${summaryOf(c)}`),
      "",
      "Global flags: --json (machine-readable output), --verbose, --help, --version",
      "Run `shipguard <command> --help` for a command's flags."
    ].join("\n");
  }
  const flag = (o) => `  --${o.name}${o.alias ? `, --${o.alias}` : ""}`;
  const lines = optionsFor(command).filter((o) => !o.actionOnly).map(
    (o) => `${flag(o).padEnd(30)} ${o.help?.[command] ?? o.description}${o.default ? ` (default: ${shownDefault(o.default)})` : ""}`
  );
  const details = COMMAND_DETAILS[command];
  const variables = COMMAND_VARIABLES[command];
  return [
    `Usage: shipguard ${command} [flags]`,
    "",
    summaryOf(command),
    ...details === void 0 ? [] : ["", details],
    "",
    "Flags:",
    ...lines,
    `  ${"--json".padEnd(28)} Print one JSON object instead of text (--json=false turns it off).`,
    `  ${"--verbose".padEnd(28)} Print debug lines on stderr.`,
    ...variables === void 0 ? [] : [
      "",
      "Your commands and checks also get (never pasted into a command line):",
      ...variables.map(([name, meaning]) => `  ${name.padEnd(27)} ${meaning}`)
    ]
  ].join("\n");
}

// src/hosts/cli.ts
var processTerminal = {
  stdout: (text) => {
    if (!process.stdout.destroyed) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!process.stderr.destroyed) process.stderr.write(text);
  }
};
async function runCli(argv, env, terminal = processTerminal, listen = () => processCancellation((line) => terminal.stderr(`shipguard: ${printable(line)}
`))) {
  const args = parseArgs(argv);
  if (args.help || args.command === null) {
    terminal.stdout(`${usage(args.command)}
`);
    return args.help ? 0 : 2;
  }
  const source = (name) => args.values.get(name);
  if (args.command === "demo") {
    const { runDemoCli } = await import("./cli-473S53NW.js");
    return runDemoCli({ keep: parseBoolean("keep", source("keep") ?? "false"), ...args }, env, terminal);
  }
  let exitCode = 0;
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? "";
  const secrets = runSecrets(env, token, source);
  const cancellation = listen();
  const host = {
    source,
    context: cliContext(env, token, cliLogger(args.verbose, terminal, secrets.redact), secrets, cancellation),
    async publish(result) {
      if (args.json) terminal.stdout(`${JSON.stringify(result.json, null, 2)}
`);
      else if (result.document === void 0) terminal.stdout(printable(result.text));
      else {
        terminal.stderr(printable(result.text));
        terminal.stdout(printable(result.document));
      }
    },
    fail(text) {
      terminal.stderr(`shipguard: ${printable(text)}
`);
      exitCode = 1;
    }
  };
  try {
    await execute(host, args.command);
  } catch (error) {
    host.fail(secrets.redact(describeFailure(error)));
  } finally {
    cancellation.dispose();
  }
  return cancellation.exitCode() ?? exitCode;
}
function cliContext(env, token, logger, secrets, cancellation) {
  return {
    host: "cli",
    workspace: process.cwd(),
    logger,
    env: childEnvironment(env),
    github: {
      token,
      apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      graphqlUrl: env.GITHUB_GRAPHQL_URL || null,
      defaultBranch: null
    },
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: env.USER || env.USERNAME || localUser(),
    registerSecret: (value) => secrets.add(value),
    redact: secrets.redact,
    cancellation
  };
}
function localUser() {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
function cliLogger(verbose, terminal = processTerminal, redact = (text) => text) {
  const err = (prefix, m) => terminal.stderr(`${prefix}${printable(redact(m))}
`);
  return {
    debug: (m) => verbose && err("debug: ", m),
    info: (m) => err("", m),
    warning: (m) => err("warning: ", m),
    untrusted: (m) => err("", m)
  };
}
export {
  cliLogger,
  describeFailure,
  printable,
  runCli
};
