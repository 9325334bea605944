/**
 * The action's entry point: reads inputs through the settings schema, runs one command, and turns
 * its result into outputs and a job summary. The only place (with cli.ts) that reads the environment.
 */
import path from "node:path";
import * as core from "@actions/core";
import { actionsLogger } from "./adapters/actions-logger.ts";
import { GitCli } from "./adapters/git-cli.ts";
import { runVersion } from "./commands/version.ts";
import { invalidInput, isShipguardError } from "./errors.ts";
import { versionOutputs, versionSummary } from "./presenters/version.ts";
import { COMMANDS, readVersionSettings } from "./settings.ts";

async function main(): Promise<void> {
  const env = process.env;
  const input = (name: string) => core.getInput(name);
  const command = input("command").trim() || "version";
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw invalidInput("command", command, `Expected one of: ${COMMANDS.join(", ")}.`);
  }
  const logger = actionsLogger();
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();

  const settings = readVersionSettings(input);
  const cwd = path.resolve(workspace, settings.workingDirectory);
  const git = new GitCli(cwd, logger, env);
  const result = await runVersion(settings, { git, logger }, runContext(env));

  logger.untrusted(result.reason);
  for (const [name, value] of Object.entries(versionOutputs(result))) core.setOutput(name, value);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(versionSummary(result)).write();
}

function runContext(env: NodeJS.ProcessEnv) {
  // On pull_request events GITHUB_REF_NAME is "<n>/merge"; the branch is GITHUB_HEAD_REF.
  const branch =
    env.GITHUB_HEAD_REF || (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : undefined) || null;
  return {
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: env.GITHUB_REPOSITORY ?? null,
    branch,
  };
}

main().catch((error: unknown) => {
  if (isShipguardError(error)) core.setFailed(error.describe());
  else
    core.setFailed(
      `shipguard failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
});
