import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import "./chunk-FEGRNFBW.js";
import {
  COMMAND_REGISTRY,
  childEnvironment,
  execute
} from "./chunk-A67MHM5M.js";
import {
  parseBoolean
} from "./chunk-EXG5O2DU.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-LOL6UNQF.js";
import {
  printable
} from "./chunk-P2F454IK.js";
import {
  package_default
} from "./chunk-JJ6CE4E5.js";
import {
  CLI_COMMANDS,
  optionsFor,
  shipguardError
} from "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/hosts/cli.ts
import { userInfo } from "node:os";

// src/hosts/cli-args.ts
var DEMO_HELP = "The whole loop in a temporary folder, in a few seconds: release v1.0.0, deploy it to staging in traffic steps and promote it to production through the gate (real servers behind a weighted router); release a broken v1.1.0, watch the gate keep it out of production, its canary in staging fail at 10%, traffic go back to 0% and the automatic rollback to v1.0.0, and what the team was told. No network, no GitHub.";
function parseArgs(argv) {
  const args = { command: null, values: /* @__PURE__ */ new Map(), json: false, help: false, verbose: false };
  let i = 0;
  const first = argv[0];
  if (first !== void 0 && !first.startsWith("-")) {
    if (!CLI_COMMANDS.includes(first)) {
      throw shipguardError("SG_UNKNOWN_COMMAND", { command: first, known: CLI_COMMANDS.join(", ") });
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
  return args;
}
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
    (o) => `${flag(o).padEnd(30)} ${o.description}${o.default ? ` (default: ${shownDefault(o.default)})` : ""}`
  );
  return [
    `Usage: shipguard ${command} [flags]`,
    "",
    summaryOf(command),
    "",
    "Flags:",
    ...lines,
    `  ${"--json".padEnd(28)} Print one JSON object instead of text.`,
    `  ${"--verbose".padEnd(28)} Print debug lines on stderr.`
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
async function runCli(argv, env, terminal = processTerminal) {
  const args = parseArgs(argv);
  if (args.help || args.command === null) {
    terminal.stdout(`${usage(args.command)}
`);
    return args.help ? 0 : 2;
  }
  const source = (name) => args.values.get(name);
  if (args.command === "demo") {
    const { runDemoCli } = await import("./cli-BRZSDC5J.js");
    return runDemoCli({ keep: parseBoolean("keep", source("keep") ?? "false"), ...args }, env, terminal);
  }
  let exitCode = 0;
  const host = {
    source,
    context: cliContext(env, cliLogger(args.verbose, terminal)),
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
  await execute(host, args.command);
  return exitCode;
}
function cliContext(env, logger) {
  return {
    host: "cli",
    workspace: process.cwd(),
    logger,
    env: childEnvironment(env),
    github: {
      token: env.GITHUB_TOKEN ?? env.GH_TOKEN ?? "",
      apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      defaultBranch: null
    },
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: env.USER || env.USERNAME || localUser(),
    registerSecret: () => {
    }
  };
}
function localUser() {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
function cliLogger(verbose, terminal = processTerminal) {
  const err = (prefix, m) => terminal.stderr(`${prefix}${printable(m)}
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
  runCli
};
