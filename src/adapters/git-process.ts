/**
 * How the git adapter runs git: one runner on `@actions/exec` (as actions/checkout's git command
 * manager does) for ordinary calls, and a plain spawn for streams (history, batched blob reads).
 * Arguments always go as argv (never through a shell); git's stderr (which carries a remote's
 * untrusted messages) is kept as its last lines, printable.
 */
import { spawn } from "node:child_process";
import { exec } from "@actions/exec";
import { printable } from "../core/printable.ts";
import { type ShipguardError, shipguardError } from "../errors.ts";
import { OutputTail, type StreamReader } from "./process/output-tail.ts";

/** Options that keep user configuration from changing what git prints. */
const BASE_ARGS = ["-c", "core.quotepath=off", "-c", "log.showSignature=false", "-c", "color.ui=never"];

export interface RunResult {
  code: number;
  stdout: string;
  /** stdout as git wrote it (a blob's bytes). */
  bytes: Buffer;
  stderr: string;
}

export class GitProcess {
  constructor(
    readonly cwd: string,
    /** git's environment: the host's (the adapter never reads process.env). */
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  private gitEnv(): Record<string, string> {
    // GIT_FLUSH=0: git log flushes after every commit when writing to a pipe, which turns a
    // large history into tens of thousands of tiny reads; fully buffered output is ~10x fewer.
    return { ...this.env, GIT_TERMINAL_PROMPT: "0", GIT_FLUSH: "0", LC_ALL: "C" };
  }

  /**
   * Runs git; `onStdout` sees each chunk as it arrives. Resolves with the exit code (never rejects
   * for a non-zero one); rejects with a ShipguardError when git cannot be started.
   */
  private async exec(
    args: string[],
    onStdout: (chunk: Buffer) => void,
    stderr: StreamReader,
    input?: string,
  ): Promise<number> {
    try {
      return await exec("git", [...BASE_ARGS, ...args], {
        cwd: this.cwd,
        env: this.gitEnv(),
        silent: true,
        ignoreReturnCode: true,
        ...(input === undefined ? {} : { input: Buffer.from(input, "utf8") }),
        listeners: { stdout: onStdout, stderr: (chunk: Buffer) => void stderr.push(chunk) },
      });
    } catch (error) {
      throw gitSpawnError(error as Error, this.cwd);
    }
  }

  async run(args: string[], allowFailure = false, input?: string): Promise<RunResult> {
    const out: Buffer[] = [];
    // stderr only explains a failure: its last lines, printable (a remote's message is untrusted).
    const err = new OutputTail();
    const stderr = err.reader();
    const code = await this.exec(args, (chunk) => out.push(chunk), stderr, input);
    stderr.end();
    const bytes = Buffer.concat(out);
    const result = { code, bytes, stdout: bytes.toString("utf8"), stderr: err.text() };
    if (result.code !== 0 && !allowFailure) throw gitFailed(args, result.stderr);
    return result;
  }

  /**
   * Runs git (with `input` on stdin) and hands its stdout to `parser` as it comes, bytes as they
   * are; git is ended as soon as the parser fails or `stopped()` says enough was read.
   */
  pipe(
    args: string[],
    parser: { push(chunk: Buffer): void; end(): void },
    input?: string,
    stopped: () => boolean = () => false,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn("git", [...BASE_ARGS, ...args], {
        cwd: this.cwd,
        env: this.gitEnv(),
        stdio: ["pipe", "pipe", "pipe"],
      });
      child.stdin.on("error", () => {}); // git gone: its exit code says why
      child.stdin.end(input);
      const err = new OutputTail();
      const stderr = err.reader();
      let failed: unknown = null;
      child.stdout.on("data", (chunk: Buffer) => {
        if (failed !== null || stopped()) return;
        try {
          parser.push(chunk);
        } catch (error) {
          failed = error;
        }
        if (failed !== null || stopped()) child.kill();
      });
      child.stderr.on("data", (chunk: Buffer) => void stderr.push(chunk));
      child.on("error", (error) => reject(gitSpawnError(error, this.cwd)));
      child.on("close", (code) => {
        if (failed !== null) return reject(failed);
        if (stopped()) return resolve();
        stderr.end();
        if (code !== 0) return reject(gitFailed(args, err.text()));
        try {
          parser.end();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
  }
}

export function gitSpawnError(error: Error & { code?: string }, cwd: string): ShipguardError {
  const cause = { cause: error };
  // @actions/exec looks git up on PATH first and says so when it is not there; spawn says ENOENT.
  if (error.code === "ENOENT" || /Unable to locate executable file/.test(error.message)) {
    return shipguardError("SG_GIT_NOT_FOUND", {}, cause);
  }
  if (/The cwd: .* does not exist/.test(error.message)) {
    return shipguardError("SG_WORKING_DIRECTORY_MISSING", { cwd }, cause);
  }
  return shipguardError("SG_GIT_UNSTARTABLE", { detail: error.message }, cause);
}

export function gitFailed(args: string[], stderr: string): ShipguardError {
  return shipguardError("SG_GIT_FAILED", { command: args.slice(0, 2).join(" "), stderr: printable(stderr) });
}
