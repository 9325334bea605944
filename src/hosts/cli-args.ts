/**
 * The CLI's words: `shipguard <command> [--flag value ...]`. Flags are the action's inputs by the
 * same names, from the same OPTIONS schema; help is written from it too.
 */
import pkg from "../../package.json" with { type: "json" };
import { shipguardError } from "../errors.ts";
import { COMMAND_REGISTRY } from "../registry/index.ts";
import { CLI_COMMANDS, type CliCommandName, type OptionSpec, optionsFor, parseBoolean } from "../settings.ts";

const DEMO_HELP =
  "The whole loop in a temporary folder, in a few seconds: release v1.0.0, deploy it to staging in traffic steps and promote it to production through the gate (real servers behind a weighted router); release a broken v1.1.0, watch the gate keep it out of production, its canary in staging fail at 10%, traffic go back to 0% and the automatic rollback to v1.0.0, and what the team was told. No network, no GitHub.";

export interface ParsedArgs {
  command: CliCommandName | null;
  values: Map<string, string>;
  json: boolean;
  help: boolean;
  verbose: boolean;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const args: ParsedArgs = { command: null, values: new Map(), json: false, help: false, verbose: false };
  let i = 0;
  // The global flags may come first too: `shipguard --json version`.
  while (i < argv.length && globalFlag(args, argv[i] ?? "")) i++;
  const first = argv[i];
  if (first !== undefined && !first.startsWith("-")) {
    if (!(CLI_COMMANDS as readonly string[]).includes(first)) {
      throw shipguardError("SG_UNKNOWN_COMMAND", { command: first, known: CLI_COMMANDS.join(", ") });
    }
    args.command = first as CliCommandName;
    i++;
  }
  const specs = args.command === null ? [] : optionsFor(args.command).filter((o) => !o.actionOnly);
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (globalFlag(args, arg)) continue;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      const spec = specs.find((o) => o.name === name || o.alias === name);
      if (spec === undefined) throw shipguardError("SG_UNKNOWN_FLAG", { flag: name, command: args.command });
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (spec.boolean && (argv[i + 1] === undefined || argv[i + 1]?.startsWith("--"))) value = "true";
      else value = argv[++i];
      if (value === undefined) throw shipguardError("SG_FLAG_VALUE_MISSING", { flag: name });
      args.values.set(spec.name, value);
    } else {
      throw shipguardError("SG_UNEXPECTED_ARGUMENT", { argument: arg });
    }
  }
  // Both are documents for stdout: which one was meant cannot be guessed.
  const format = args.values.get("format");
  if (args.json && format !== undefined && format.trim().toLowerCase() === "csv")
    throw shipguardError("SG_INPUTS_CONFLICT", {
      first: "--json",
      firstValue: "true",
      second: "format",
      secondValue: format,
    });
  return args;
}

/**
 * `--json`, `--verbose` (`--debug`) and `--help` (`-h`), before or after the command; `--json` and
 * `--verbose` also as `--json=false`. False when `arg` is none of them.
 */
function globalFlag(args: ParsedArgs, arg: string): boolean {
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

/**
 * What the commands and checks a command runs find in their environment, besides what the caller
 * gave it (ports.ts targetEnvironment, the symlink strategy, the rollback hooks).
 */
/** A variable and what it holds. */
type Variable = readonly [name: string, meaning: string];

const TARGET_VARIABLES: readonly Variable[] = [
  ["SHIPGUARD_VERSION", "the version deployed (a short SHA for a `ref` deploy)"],
  ["SHIPGUARD_TAG", "its tag, empty for a `ref` deploy"],
  ["SHIPGUARD_SHA", "the commit"],
  ["SHIPGUARD_ENVIRONMENT", "the environment"],
  [
    "SHIPGUARD_PREVIOUS_VERSION",
    "the version it replaces (the last known good one), empty on a first deploy",
  ],
  ["SHIPGUARD_KIND", "`deploy` or `rollback`"],
  ["SHIPGUARD_CORRELATION_ID", "this attempt's id"],
];
const SYMLINK_VARIABLES: readonly Variable[] = [
  ["SHIPGUARD_RELEASE_DIR", "symlink strategy, prepare and restart: the version's release folder"],
  ["SHIPGUARD_CURRENT", "symlink strategy, prepare and restart: the `current` link"],
];
const COMMAND_VARIABLES: Partial<Record<CliCommandName, readonly Variable[]>> = {
  deploy: [
    ...TARGET_VARIABLES,
    ["SHIPGUARD_TRAFFIC_PERCENT", "with traffic-steps only: this step's share (0 sends all traffic back)"],
    ...SYMLINK_VARIABLES,
  ],
  rollback: [
    ...TARGET_VARIABLES,
    ...SYMLINK_VARIABLES,
    ["SHIPGUARD_ROLLBACK_FROM", "before-rollback and after-rollback: the version being left"],
    ["SHIPGUARD_ROLLBACK_REASON", "before-rollback and after-rollback: the reason"],
    ["SHIPGUARD_ROLLBACK_STATUS", "after-rollback: `success` or `failure`"],
  ],
  smoke: [
    ["SHIPGUARD_VERSION", "`version`, else the version deployed now in `environment`"],
    ["SHIPGUARD_ENVIRONMENT", "`environment`, when given"],
  ],
};

/** More than a command's one-line summary, where its help needs it. */
const COMMAND_DETAILS: Partial<Record<CliCommandName, string>> = {
  incident:
    "Without --repo, the incident is a markdown file, .shipguard/incidents/<incident id>.md next to the ledger (or next to --ledger-file): the report of its first event, then one section per later event. Recording an event the file already has changes nothing. The file is written whole and renamed into place, so a reader never sees half of it.",
};

function summaryOf(command: CliCommandName): string {
  return command === "demo" ? DEMO_HELP : COMMAND_REGISTRY[command].summary;
}

/** A default on one line: a multi-line default (migration-paths) is shown as its lines, comma-separated. */
function shownDefault(value: string): string {
  return value.split(/\r?\n/).join(", ");
}

export function usage(command: CliCommandName | null): string {
  if (command === null) {
    return [
      `shipguard ${pkg.version}: release, deploy, verify and roll back from Conventional Commits.`,
      "",
      "Usage: shipguard <command> [flags]",
      "",
      "Commands:",
      ...CLI_COMMANDS.map((c) => `  ${c.padEnd(10)} ${summaryOf(c)}`),
      "",
      "Global flags: --json (machine-readable output), --verbose, --help, --version",
      "Run `shipguard <command> --help` for a command's flags.",
    ].join("\n");
  }
  const flag = (o: OptionSpec) => `  --${o.name}${o.alias ? `, --${o.alias}` : ""}`;
  const lines = optionsFor(command)
    .filter((o) => !o.actionOnly)
    .map(
      (o) =>
        `${flag(o).padEnd(30)} ${o.help?.[command] ?? o.description}${o.default ? ` (default: ${shownDefault(o.default)})` : ""}`,
    );
  const details = COMMAND_DETAILS[command];
  const variables = COMMAND_VARIABLES[command];
  return [
    `Usage: shipguard ${command} [flags]`,
    "",
    summaryOf(command),
    ...(details === undefined ? [] : ["", details]),
    "",
    "Flags:",
    ...lines,
    `  ${"--json".padEnd(28)} Print one JSON object instead of text (--json=false turns it off).`,
    `  ${"--verbose".padEnd(28)} Print debug lines on stderr.`,
    ...(variables === undefined
      ? []
      : [
          "",
          "Your commands and checks also get (never pasted into a command line):",
          ...variables.map(([name, meaning]) => `  ${name.padEnd(27)} ${meaning}`),
        ]),
  ].join("\n");
}
