import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  childEnvironment,
  runLoop
} from "./chunk-5FELGORS.js";
import "./chunk-FCLKK4PL.js";
import "./chunk-NC72IJOH.js";
import "./chunk-UVROX66Z.js";
import {
  printable
} from "./chunk-ZNHUX4NO.js";
import "./chunk-YIKRADAN.js";

// src/cli-loop.ts
import path from "node:path";
async function runLoopCommand(command, source, options) {
  const repoDir = path.resolve(source("working-directory") || ".");
  const runtime = {
    repoDir,
    logger: options.logger,
    env: childEnvironment(process.env),
    github: await githubSide(source, options.logger)
  };
  const outcome = await runLoop(command, source, runtime, { runUrl: null, actor: process.env.USER ?? null });
  if (options.json) process.stdout.write(`${JSON.stringify(outcome.json, null, 2)}
`);
  else process.stdout.write(printable(outcome.text));
  if (!outcome.ok) process.stderr.write(`shipguard: ${printable(outcome.message)}
`);
  return outcome.ok ? 0 : 1;
}
async function githubSide(source, logger) {
  const repository = source("repository");
  if (repository === void 0 || repository === "") return null;
  const [owner = "", repo = ""] = repository.split("/");
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN ?? "";
  const { createClient } = await import("./client-HYMSHBCR.js");
  const octokit = createClient({
    token,
    baseUrl: process.env.GITHUB_API_URL ?? "https://api.github.com",
    logger
  });
  return { octokit, repository: { owner, repo }, defaultBranch: null };
}
export {
  runLoopCommand
};
