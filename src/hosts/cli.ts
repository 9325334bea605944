/**
 * The CLI host: options are flags, the context is this machine (the current folder, the user,
 * GITHUB_TOKEN when --repo names a repository), and a result becomes text or --json on stdout and
 * an exit code. src/cli.ts loads this only when a command runs.
 */
import { userInfo } from "node:os";
import type { Cancellation, RunContext } from "../context.ts";
import type { Redactor } from "../core/secrets.ts";
import { describeFailure } from "../errors.ts";
import type { Logger } from "../ports.ts";
import { printable } from "../presenters/markdown.ts";
import { childEnvironment } from "../registry/compose.ts";
import { execute, type Host, type Presentation } from "../registry/index.ts";
import { parseBoolean } from "../settings.ts";
import { parseArgs, usage } from "./cli-args.ts";
import { runSecrets } from "./run-secrets.ts";
import { processCancellation, type SignalCancellation } from "./signals.ts";
import type { Terminal } from "./terminal.ts";

export type { Terminal } from "./terminal.ts";
/** For src/cli.ts, which reports a failure the host could not: one module to load, not three. */
export { describeFailure, printable };

/** A stream a reader closed (EPIPE, see src/cli.ts) is destroyed: what would go there is dropped. */
const processTerminal: Terminal = {
  stdout: (text) => {
    if (!process.stdout.destroyed) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!process.stderr.destroyed) process.stderr.write(text);
  },
};

/**
 * Runs one command line; the exit code (0 ok, 1 failed or refused, 2 usage, 130 or 143 when
 * SIGINT or SIGTERM cancelled it). `listen` starts listening for those signals (tests replace it).
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  terminal: Terminal = processTerminal,
  listen: () => SignalCancellation = () =>
    processCancellation((line) => terminal.stderr(`shipguard: ${printable(line)}\n`)),
): Promise<number> {
  const args = parseArgs(argv);
  if (args.help || args.command === null) {
    terminal.stdout(`${usage(args.command)}\n`);
    return args.help ? 0 : 2;
  }
  const source = (name: string) => args.values.get(name);
  if (args.command === "demo") {
    const { runDemoCli } = await import("../demo/cli.ts");
    return runDemoCli({ keep: parseBoolean("keep", source("keep") ?? "false"), ...args }, env, terminal);
  }
  let exitCode = 0;
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? "";
  // The runner masks nothing here: every line the CLI prints goes through the run's redactor.
  const secrets = runSecrets(env, token, source);
  const cancellation = listen();
  const host: Host = {
    source,
    context: cliContext(env, token, cliLogger(args.verbose, terminal, secrets.redact), secrets, cancellation),
    async publish(result: Presentation) {
      if (args.json) terminal.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
      else if (result.document === undefined) terminal.stdout(printable(result.text));
      else {
        terminal.stderr(printable(result.text));
        terminal.stdout(printable(result.document));
      }
    },
    fail(text) {
      terminal.stderr(`shipguard: ${printable(text)}\n`);
      exitCode = 1;
    },
  };
  try {
    await execute(host, args.command);
  } catch (error) {
    // A failure may quote what a tool said (git's stderr, with a URL): cleared like any result.
    host.fail(secrets.redact(describeFailure(error)));
  } finally {
    cancellation.dispose();
  }
  // A cancelled run exits 130 or 143, whatever it ended with (its lock wait cut short, say).
  return cancellation.exitCode() ?? exitCode;
}

function cliContext(
  env: NodeJS.ProcessEnv,
  token: string,
  logger: Logger,
  secrets: Redactor,
  cancellation: Cancellation,
): RunContext {
  return {
    host: "cli",
    workspace: process.cwd(),
    logger,
    env: childEnvironment(env),
    github: {
      token,
      apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      graphqlUrl: env.GITHUB_GRAPHQL_URL || null,
      defaultBranch: null,
    },
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: env.USER || env.USERNAME || localUser(),
    registerSecret: (value) => secrets.add(value),
    redact: secrets.redact,
    cancellation,
  };
}

function localUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

export function cliLogger(
  verbose: boolean,
  terminal: Terminal = processTerminal,
  redact: (text: string) => string = (text) => text,
): Logger {
  const err = (prefix: string, m: string) => terminal.stderr(`${prefix}${printable(redact(m))}\n`);
  return {
    debug: (m) => verbose && err("debug: ", m),
    info: (m) => err("", m),
    warning: (m) => err("warning: ", m),
    untrusted: (m) => err("", m),
  };
}
