/**
 * Runs the bundled action the way the runner does: `node dist/index.js` with INPUT_* variables,
 * real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_EVENT_PATH files, and returns what it wrote.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** The raw GITHUB_OUTPUT file, to assert nothing else was smuggled in. */
  outputFile: string;
  summary: string;
}

export interface ActionOptions {
  inputs: Record<string, string>;
  workspace: string;
  env?: Record<string, string>;
  node?: string;
  event?: unknown;
  /**
   * Fill every input of action.yml that `inputs` does not give with its declared default, as the
   * runner does (`${{ github.token }}` is `token`, `${{ github.repository }}` GITHUB_REPOSITORY).
   * Without it only the given inputs are set, as the older tests assume.
   */
  actionDefaults?: { token: string };
}

/**
 * The INPUT_* values the runner sets for a step of this action: the inputs given, and for every
 * other input action.yml declares with a default, that default with its expression evaluated.
 */
export function runnerInputs(
  given: Record<string, string>,
  context: { token: string; repository: string },
): Record<string, string> {
  const action = YAML.parse(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string }>;
  };
  const out = { ...given };
  for (const [name, input] of Object.entries(action.inputs)) {
    if (name in out || input.default === undefined) continue;
    out[name] = String(input.default).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expression: string) => {
      if (expression === "github.token") return context.token;
      if (expression === "github.repository") return context.repository;
      throw new Error(
        `action.yml: the default of ${name} uses \${{ ${expression} }}, which runAction does not know`,
      );
    });
  }
  return out;
}

/** Node binaries to run the bundle with: the runner's Node 24 and this machine's system Node. */
export function nodeBinaries(): { name: string; path: string }[] {
  const local = path.join(ROOT, "node_modules/node/bin/node");
  const list = [{ name: "node24", path: local }];
  const system = ["/usr/local/bin/node", "/usr/bin/node"].find((p) => {
    try {
      readFileSync(p);
      return true;
    } catch {
      return false;
    }
  });
  if (system !== undefined) list.push({ name: "system-node", path: system });
  return list;
}

export function runAction(options: ActionOptions): Promise<ActionRun> {
  return startAction(options).done;
}

/** Starts the bundled action and returns at once: the process (to signal it, as a cancelled run does) and its run. */
export function startAction(options: ActionOptions): { child: ChildProcess; done: Promise<ActionRun> } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "shipguard-runner-"));
  const outputPath = path.join(tmp, "output");
  const summaryPath = path.join(tmp, "summary");
  const eventPath = path.join(tmp, "event.json");
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo/app",
    RUNNER_TEMP: tmp,
    ...options.env,
  };
  const inputs =
    options.actionDefaults === undefined
      ? options.inputs
      : runnerInputs(options.inputs, {
          token: options.actionDefaults.token,
          repository: env.GITHUB_REPOSITORY ?? "",
        });
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(options.node ?? process.execPath, [path.join(ROOT, "dist/index.js")], {
    cwd: options.workspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const done = new Promise<ActionRun>((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const outputFile = readFileSync(outputPath, "utf8");
      const summary = readFileSync(summaryPath, "utf8");
      rmSync(tmp, { recursive: true, force: true });
      resolve({ code: code ?? 1, stdout, stderr, outputs: parseOutputFile(outputFile), outputFile, summary });
    });
  });
  return { child, done };
}

/**
 * Parses GITHUB_OUTPUT exactly as the runner does: `name=value` lines, or `name<<DELIM` blocks
 * ended by a line equal to DELIM. Throws on anything else, so a smuggled line fails the test.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = "", delimiter] = heredoc;
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++] ?? "");
      if (i >= lines.length) throw new Error(`output ${name}: delimiter ${delimiter} never closes`);
      if (name in out) throw new Error(`output ${name} written twice`);
      out[name] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`unparseable output line: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** A child's exit code and whole output, once it has closed. */
export function collected(child: ChildProcess): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr?.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
