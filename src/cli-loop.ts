/**
 * The CLI side of deploy, smoke and rollback: a local runtime (the ledger file in .shipguard/,
 * rollbacks in process), or GitHub's when --repo and GITHUB_TOKEN are given. Loaded on demand.
 */
import path from "node:path";
import { childEnvironment, type GitHubSide, type Runtime } from "./compose.ts";
import { type LoopCommand, runLoop } from "./loop.ts";
import type { Logger } from "./ports.ts";
import { printable } from "./presenters/markdown.ts";
import type { RawSource } from "./settings.ts";

export async function runLoopCommand(
  command: LoopCommand,
  source: RawSource,
  options: { json: boolean; logger: Logger },
): Promise<number> {
  const repoDir = path.resolve(source("working-directory") || ".");
  const runtime: Runtime = {
    repoDir,
    logger: options.logger,
    env: childEnvironment(process.env),
    github: await githubSide(source, options.logger),
  };
  const outcome = await runLoop(command, source, runtime, { runUrl: null, actor: process.env.USER ?? null });
  if (options.json) process.stdout.write(`${JSON.stringify(outcome.json, null, 2)}\n`);
  else process.stdout.write(printable(outcome.text));
  if (!outcome.ok) process.stderr.write(`shipguard: ${printable(outcome.message)}\n`);
  return outcome.ok ? 0 : 1;
}

async function githubSide(source: RawSource, logger: Logger): Promise<GitHubSide | null> {
  const repository = source("repository");
  if (repository === undefined || repository === "") return null;
  const [owner = "", repo = ""] = repository.split("/");
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN ?? "";
  const { createClient } = await import("./adapters/github/client.ts");
  const octokit = createClient({
    token,
    baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    logger,
  });
  return { octokit, repository: { owner, repo }, defaultBranch: null };
}
