/**
 * The CLI's words: `shipguard <command> [--flag value ...]`. Flags are the action's inputs by the
 * same names, from the same OPTIONS schema; help is written from it too.
 */
import pkg from "../../package.json" with { type: "json" };
import { shipguardError } from "../errors.ts";
import { COMMAND_REGISTRY } from "../registry/index.ts";
import { CLI_COMMANDS, type CliCommandName, type OptionSpec, optionsFor } from "../settings.ts";

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
  const first = argv[0];
  if (first !== undefined && !first.startsWith("-")) {
    if (!(CLI_COMMANDS as readonly string[]).includes(first)) {
      throw shipguardError("SG_UNKNOWN_COMMAND", { command: first, known: CLI_COMMANDS.join(", ") });
    }
    args.command = first as CliCommandName;
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
  return args;
}

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
        `${flag(o).padEnd(30)} ${o.description}${o.default ? ` (default: ${shownDefault(o.default)})` : ""}`,
    );
  return [
    `Usage: shipguard ${command} [flags]`,
    "",
    summaryOf(command),
    "",
    "Flags:",
    ...lines,
    `  ${"--json".padEnd(28)} Print one JSON object instead of text.`,
    `  ${"--verbose".padEnd(28)} Print debug lines on stderr.`,
  ].join("\n");
}
