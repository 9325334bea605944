import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  releaseJson,
  releaseText,
  versionJson,
  versionText
} from "./chunk-BCKGINDR.js";
import {
  package_default
} from "./chunk-SXKY72QQ.js";
import {
  LocalForge
} from "./chunk-LMK74RDN.js";
import {
  runRelease,
  runVersion
} from "./chunk-ZZIUI2PX.js";
import {
  CLI_COMMANDS,
  GitCli,
  optionsFor,
  parseBoolean,
  readReleaseSettings,
  readVersionSettings
} from "./chunk-NC72IJOH.js";
import {
  ShipguardError,
  isShipguardError
} from "./chunk-UVROX66Z.js";
import {
  printable
} from "./chunk-ZNHUX4NO.js";
import "./chunk-YIKRADAN.js";

// src/cli-app.ts
import { writeFile } from "node:fs/promises";
import path from "node:path";
var COMMAND_HELP = {
  version: "Compute the next version from the Conventional Commits since the last tag, and why.",
  deploy: "Deploy a version to an environment, run the smoke checks, record the result, and roll back when they fail.",
  smoke: "Run the smoke checks and print the verdict.",
  rollback: "Put the last known good version of an environment back (or --to-version), with guards and a report.",
  release: "Compute the version, then tag the analysed commit. Locally: an annotated tag (--push sends it to origin) and the notes on stdout or --notes-file. With --repo owner/name and GITHUB_TOKEN: the tag and a GitHub Release, as the action does.",
  demo: "The whole loop in a temporary folder, in a few seconds: release v1.0.0, deploy it (symlink, a real server), verify it; release a broken v1.1.0, watch its checks fail and the automatic rollback to v1.0.0. No network, no GitHub."
};
function parseArgs(argv) {
  const args = { command: null, values: /* @__PURE__ */ new Map(), json: false, help: false, verbose: false };
  let i = 0;
  const first = argv[0];
  if (first !== void 0 && !first.startsWith("-")) {
    if (!CLI_COMMANDS.includes(first)) {
      throw new ShipguardError(`Unknown command ${JSON.stringify(first)}.`, {
        remedy: `Use one of: ${CLI_COMMANDS.join(", ")}. Run \`shipguard --help\` for more.`
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
      ...CLI_COMMANDS.map((c) => `  ${c.padEnd(10)} ${COMMAND_HELP[c]}`),
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
  const command = args.command;
  switch (command) {
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
    case "release": {
      const settings = readReleaseSettings(source);
      const git = new GitCli(path.resolve(settings.workingDirectory), logger, process.env);
      const forge = await cliForge(settings, git, logger);
      const onGitHub = settings.repository !== null;
      const result = await runRelease(
        settings,
        { git, forge, logger },
        {
          serverUrl: onGitHub ? process.env.GITHUB_SERVER_URL ?? "https://github.com" : null,
          repository: onGitHub ? `${settings.repository?.owner}/${settings.repository?.repo}` : null,
          branch: null
        }
      );
      if (settings.notesFile !== null && result.version.notes !== "") {
        await writeFile(path.resolve(settings.notesFile), result.version.notes);
      }
      if (args.json) process.stdout.write(`${JSON.stringify(releaseJson(result), null, 2)}
`);
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
      const { runLoopCommand } = await import("./cli-loop-MWQUJRXT.js");
      return runLoopCommand(command, source, { json: args.json, logger });
    }
    case "demo": {
      const keep = parseBoolean("keep", source("keep") ?? "false");
      const { runDemo } = await import("./demo-NVFUDBRX.js");
      const present = await import("./demo-OAOPTE54.js");
      const write = (text) => process.stdout.write(text);
      const collected = present.collectingNarrator();
      if (!args.json) write(present.demoIntro());
      const result = await runDemo({
        keep,
        node: process.execPath,
        env: process.env,
        narrator: args.json ? collected : present.textNarrator(write, args.verbose)
      });
      if (args.json) write(`${JSON.stringify(present.demoJson(result, collected.lines), null, 2)}
`);
      else write(present.demoText(result));
      if (!result.ok) process.stderr.write(`shipguard: ${printable(result.message)}
`);
      return result.ok ? 0 : 1;
    }
    default:
      return assertNever(command);
  }
}
function assertNever(value) {
  throw new Error(`unhandled command ${String(value)}`);
}
async function cliForge(settings, git, logger) {
  if (settings.repository === null) return new LocalForge(git, logger, settings.push ? "origin" : null);
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN ?? "";
  if (token === "" && !settings.dryRun) {
    throw new ShipguardError("--repo releases on GitHub, which needs a token, and GITHUB_TOKEN is not set.", {
      remedy: "Export GITHUB_TOKEN (a token with `contents: write` on the repository), or drop --repo to tag locally.",
      input: "repository"
    });
  }
  const { createClient } = await import("./client-HYMSHBCR.js");
  const { GitHubForge } = await import("./forge-WFI6MNHH.js");
  const octokit = createClient({
    token: token || "dry-run",
    baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    logger
  });
  return new GitHubForge(octokit, settings.repository, logger);
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
