import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  releaseJson,
  releaseText,
  runRelease,
  runVersion,
  versionJson,
  versionText
} from "./chunk-INXCPNLW.js";
import {
  package_default
} from "./chunk-HZL3SBI2.js";
import {
  COMMANDS,
  GitCli,
  optionsFor,
  printable,
  readReleaseSettings,
  readVersionSettings
} from "./chunk-Z3WWBYNY.js";
import {
  ShipguardError,
  isShipguardError
} from "./chunk-UVROX66Z.js";
import "./chunk-YIKRADAN.js";

// src/cli-app.ts
import { writeFile } from "node:fs/promises";
import path from "node:path";

// src/adapters/local-forge.ts
var LocalForge = class {
  constructor(git, logger, pushTo) {
    this.git = git;
    this.logger = logger;
    this.pushTo = pushTo;
    this.describe = pushTo === null ? "the local repository" : `the local repository and ${pushTo}`;
  }
  git;
  logger;
  pushTo;
  describe;
  async tagCommit(tag) {
    const local = await this.git.tagCommit(tag);
    if (local !== null || this.pushTo === null) return local;
    return this.git.remoteTagCommit(this.pushTo, tag);
  }
  async createTag(tag, sha, message) {
    const local = await this.git.createAnnotatedTag(tag, sha, message);
    if (local === "exists" || this.pushTo === null) return local;
    const pushed = await this.git.pushTag(this.pushTo, tag, false);
    if (pushed === "pushed") return "created";
    this.logger.warning(`${this.pushTo} already has a tag ${tag}; the local tag was not pushed.`);
    const remote = await this.git.remoteTagCommit(this.pushTo, tag);
    if (remote !== sha) await this.git.deleteTag(tag);
    return "exists";
  }
  async moveTag(tag, sha) {
    await this.git.forceTag(tag, sha);
    if (this.pushTo !== null) await this.git.pushTag(this.pushTo, tag, true);
  }
};

// src/cli-app.ts
var COMMAND_HELP = {
  version: "Compute the next version from the Conventional Commits since the last tag, and why.",
  deploy: "Deploy a version to an environment, run the smoke checks, record the result, and roll back when they fail.",
  smoke: "Run the smoke checks and print the verdict.",
  rollback: "Put the last known good version of an environment back (or --to-version), with guards and a report.",
  release: "Compute the version, then tag the analysed commit. Locally: an annotated tag (--push sends it to origin) and the notes on stdout or --notes-file. With --repo owner/name and GITHUB_TOKEN: the tag and a GitHub Release, as the action does."
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
      const { runLoopCommand } = await import("./cli-loop-MVDAY2NA.js");
      return runLoopCommand(command, source, { json: args.json, logger });
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
  const { createClient } = await import("./client-JBIG3VLD.js");
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
