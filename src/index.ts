/**
 * The action's entry point: reads inputs through the settings schema, builds the ports, runs one
 * command, and turns its result into outputs and a job summary. With cli.ts, the only code that
 * reads the environment.
 */
import path from "node:path";
import * as core from "@actions/core";
import { actionsLogger } from "./adapters/actions-logger.ts";
import { GitCli } from "./adapters/git-cli.ts";
import { createClient } from "./adapters/github/client.ts";
import { GitHubForge } from "./adapters/github/forge.ts";
import { secretForms } from "./adapters/secrets.ts";
import { runRelease } from "./commands/release.ts";
import type { RunContext } from "./commands/version.ts";
import { runVersion } from "./commands/version.ts";
import { invalidInput, isShipguardError, ShipguardError } from "./errors.ts";
import { releaseOutputs, releaseSummary } from "./presenters/release.ts";
import { versionOutputs, versionSummary } from "./presenters/version.ts";
import { COMMANDS, type CommandName, readReleaseSettings, readVersionSettings } from "./settings.ts";

const env = process.env;
const input = (name: string) => core.getInput(name);

async function main(): Promise<void> {
  const token = input("token");
  for (const form of secretForms(token)) core.setSecret(form);

  const command = input("command").trim() || "version";
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw invalidInput("command", command, `Expected one of: ${COMMANDS.join(", ")}.`);
  }
  const logger = actionsLogger();
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const context = runContext();

  switch (command as CommandName) {
    case "version": {
      const settings = readVersionSettings(input);
      const git = new GitCli(path.resolve(workspace, settings.workingDirectory), logger, env);
      const result = await runVersion(settings, { git, logger }, context);
      logger.untrusted(result.reason);
      await publish(versionOutputs(result), versionSummary(result));
      return;
    }
    case "release": {
      const settings = readReleaseSettings(input);
      if (settings.repository === null) {
        throw invalidInput(
          "repository",
          "",
          "Expected `owner/name`; the default is the workflow's repository.",
        );
      }
      if (token === "" && !settings.dryRun) {
        throw new ShipguardError("The release command needs a token and none was given.", {
          remedy:
            "Leave the `token` input at its default (`${{ github.token }}`) or pass one, with `contents: write` granted to the job.",
          input: "token",
        });
      }
      const git = new GitCli(path.resolve(workspace, settings.workingDirectory), logger, env);
      const octokit = createClient({
        token: token || "dry-run",
        baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
        logger,
      });
      const forge = new GitHubForge(octokit, settings.repository, logger);
      const result = await runRelease(settings, { git, forge, logger }, context);
      logger.untrusted(result.version.reason);
      for (const step of result.steps) logger.untrusted(step);
      const tagUrl =
        result.tagSha && context.serverUrl
          ? `${context.serverUrl}/${settings.repository.owner}/${settings.repository.repo}/releases/tag/${encodeURIComponent(result.version.tag ?? "")}`
          : null;
      await publish(releaseOutputs(result), releaseSummary(result, tagUrl));
      return;
    }
  }
}

async function publish(outputs: Record<string, string>, summary: string): Promise<void> {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary).write();
}

function runContext(): RunContext {
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
