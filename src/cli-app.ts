/**
 * The CLI: `shipguard <command> [--flag value ...]`. Flags are the action's inputs by the same
 * names, read through the same settings schema. src/cli.ts loads this only when a command runs.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pkg from "../package.json" with { type: "json" };
import { GitCli } from "./adapters/git-cli.ts";
import { LocalForge } from "./adapters/local-forge.ts";
import { runRelease } from "./commands/release.ts";
import { runVersion } from "./commands/version.ts";
import { isShipguardError, ShipguardError } from "./errors.ts";
import type { Forge, Logger } from "./ports.ts";
import { printable } from "./presenters/markdown.ts";
import { releaseJson, releaseText } from "./presenters/release.ts";
import { versionJson, versionText } from "./presenters/version.ts";
import {
  CLI_COMMANDS,
  type CliCommandName,
  type OptionSpec,
  optionsFor,
  parseBoolean,
  type ReleaseSettings,
  readReleaseSettings,
  readVersionSettings,
} from "./settings.ts";

const COMMAND_HELP: Record<CliCommandName, string> = {
  version: "Compute the next version from the Conventional Commits since the last tag, and why.",
  deploy:
    "Deploy a version to an environment, run the smoke checks, record the result, and roll back when they fail.",
  smoke: "Run the smoke checks and print the verdict.",
  rollback:
    "Put the last known good version of an environment back (or --to-version), with guards and a report.",
  release:
    "Compute the version, then tag the analysed commit. Locally: an annotated tag (--push sends it to origin) and the notes on stdout or --notes-file. With --repo owner/name and GITHUB_TOKEN: the tag and a GitHub Release, as the action does.",
  demo: "The whole loop in a temporary folder, in a few seconds: release v1.0.0, deploy it (symlink, a real server), verify it; release a broken v1.1.0, watch its checks fail and the automatic rollback to v1.0.0. No network, no GitHub.",
};

interface ParsedArgs {
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
      throw new ShipguardError(`Unknown command ${JSON.stringify(first)}.`, {
        remedy: `Use one of: ${CLI_COMMANDS.join(", ")}. Run \`shipguard --help\` for more.`,
      });
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
      if (spec === undefined) {
        throw new ShipguardError(`Unknown flag --${name}${args.command ? ` for \`${args.command}\`` : ""}.`, {
          remedy: `Run \`shipguard ${args.command ?? ""} --help\` for the flags it takes.`.replace("  ", " "),
        });
      }
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (spec.boolean && (argv[i + 1] === undefined || argv[i + 1]?.startsWith("--"))) value = "true";
      else value = argv[++i];
      if (value === undefined) {
        throw new ShipguardError(`Flag --${name} needs a value.`, {
          remedy: `Write --${name} <value> or --${name}=<value>.`,
        });
      }
      args.values.set(spec.name, value);
    } else {
      throw new ShipguardError(`Unexpected argument ${JSON.stringify(arg)}.`, {
        remedy: "Flags take the form --name value. Run `shipguard --help`.",
      });
    }
  }
  return args;
}

function usage(command: CliCommandName | null): string {
  if (command === null) {
    return [
      `shipguard ${pkg.version}: release, deploy, verify and roll back from Conventional Commits.`,
      "",
      "Usage: shipguard <command> [flags]",
      "",
      "Commands:",
      ...CLI_COMMANDS.map((c) => `  ${c.padEnd(10)} ${COMMAND_HELP[c]}`),
      "",
      "Global flags: --json (machine-readable output), --verbose, --help, --version",
      "Run `shipguard <command> --help` for a command's flags.",
    ].join("\n");
  }
  const flag = (o: OptionSpec) => `  --${o.name}${o.alias ? `, --${o.alias}` : ""}`;
  const lines = optionsFor(command)
    .filter((o) => !o.actionOnly)
    .map((o) => `${flag(o).padEnd(30)} ${o.description}${o.default ? ` (default: ${o.default})` : ""}`);
  return [
    `Usage: shipguard ${command} [flags]`,
    "",
    COMMAND_HELP[command],
    "",
    "Flags:",
    ...lines,
    `  ${"--json".padEnd(28)} Print one JSON object instead of text.`,
    `  ${"--verbose".padEnd(28)} Print debug lines on stderr.`,
  ].join("\n");
}

function cliLogger(verbose: boolean): Logger {
  const err = (prefix: string, m: string) => process.stderr.write(`${prefix}${printable(m)}\n`);
  return {
    debug: (m) => verbose && err("debug: ", m),
    info: (m) => err("", m),
    warning: (m) => err("warning: ", m),
    untrusted: (m) => err("", m),
  };
}

export async function runCli(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help || args.command === null) {
    process.stdout.write(`${usage(args.command)}\n`);
    return args.help ? 0 : 2;
  }
  const logger = cliLogger(args.verbose);
  const source = (name: string) => args.values.get(name);
  const command: CliCommandName = args.command;
  switch (command) {
    case "version": {
      const settings = readVersionSettings(source);
      const git = new GitCli(path.resolve(settings.workingDirectory), logger, process.env);
      const result = await runVersion(
        settings,
        { git, logger },
        { serverUrl: null, repository: null, branch: null },
      );
      process.stdout.write(
        args.json ? `${JSON.stringify(versionJson(result), null, 2)}\n` : printable(versionText(result)),
      );
      return 0;
    }
    case "release": {
      const settings = readReleaseSettings(source);
      const git = new GitCli(path.resolve(settings.workingDirectory), logger, process.env);
      const forge = await cliForge(settings, git, logger);
      const onGitHub = settings.repository !== null;
      const result = await runRelease(
        settings,
        { git, forge, logger },
        {
          serverUrl: onGitHub ? (process.env.GITHUB_SERVER_URL ?? "https://github.com") : null,
          repository: onGitHub ? `${settings.repository?.owner}/${settings.repository?.repo}` : null,
          branch: null,
        },
      );
      if (settings.notesFile !== null && result.version.notes !== "") {
        await writeFile(path.resolve(settings.notesFile), result.version.notes);
      }
      if (args.json) process.stdout.write(`${JSON.stringify(releaseJson(result), null, 2)}\n`);
      else {
        process.stderr.write(printable(releaseText(result)));
        if (settings.notesFile === null && result.version.notes !== "")
          process.stdout.write(printable(result.version.notes));
      }
      return 0;
    }
    case "deploy":
    case "smoke":
    case "rollback": {
      const { runLoopCommand } = await import("./cli-loop.ts");
      return runLoopCommand(command, source, { json: args.json, logger });
    }
    case "demo": {
      const keep = parseBoolean("keep", source("keep") ?? "false");
      const { runDemo } = await import("./commands/demo.ts");
      const present = await import("./presenters/demo.ts");
      const write = (text: string) => process.stdout.write(text);
      const collected = present.collectingNarrator();
      if (!args.json) write(present.demoIntro());
      const result = await runDemo({
        keep,
        node: process.execPath,
        env: process.env,
        narrator: args.json ? collected : present.textNarrator(write, args.verbose),
      });
      if (args.json) write(`${JSON.stringify(present.demoJson(result, collected.lines), null, 2)}\n`);
      else write(present.demoText(result));
      if (!result.ok) process.stderr.write(`shipguard: ${printable(result.message)}\n`);
      return result.ok ? 0 : 1;
    }
    default:
      return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled command ${String(value)}`);
}

/** GitHub when a repository is named (the token comes from GITHUB_TOKEN), else the local clone. */
async function cliForge(settings: ReleaseSettings, git: GitCli, logger: Logger): Promise<Forge> {
  if (settings.repository === null) return new LocalForge(git, logger, settings.push ? "origin" : null);
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN ?? "";
  if (token === "" && !settings.dryRun) {
    throw new ShipguardError("--repo releases on GitHub, which needs a token, and GITHUB_TOKEN is not set.", {
      remedy:
        "Export GITHUB_TOKEN (a token with `contents: write` on the repository), or drop --repo to tag locally.",
      input: "repository",
    });
  }
  // Loaded only here, so the local commands start without the GitHub client.
  const { createClient } = await import("./adapters/github/client.ts");
  const { GitHubForge } = await import("./adapters/github/forge.ts");
  const octokit = createClient({
    token: token || "dry-run",
    baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    logger,
  });
  return new GitHubForge(octokit, settings.repository, logger);
}

export function reportFailure(error: unknown): void {
  if (isShipguardError(error)) process.stderr.write(`shipguard: ${printable(error.describe())}\n`);
  else
    process.stderr.write(
      `shipguard: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
}
