/**
 * The action's entry point: reads inputs through the settings schema, builds the ports, runs one
 * command, and turns its result into outputs and a job summary. With cli.ts, the only code that
 * reads the environment.
 */
import { readFileSync } from "node:fs";
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
import { childEnvironment, type Runtime } from "./compose.ts";
import { invalidInput, isShipguardError, ShipguardError } from "./errors.ts";
import { type LoopCommand, runLoop } from "./loop.ts";
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
    case "deploy":
    case "smoke":
    case "rollback": {
      const repository = parseRepository(input("repository") || env.GITHUB_REPOSITORY || "");
      const needsGitHub = command !== "smoke";
      if (needsGitHub && token === "") {
        throw new ShipguardError(
          `The ${command} command records deployments on GitHub and needs a token; none was given.`,
          {
            remedy:
              "Leave the `token` input at its default (`${{ github.token }}`) with `deployments: write` (and `actions: write` for rollbacks) granted to the job.",
            input: "token",
          },
        );
      }
      const clientOptions = { token, baseUrl: env.GITHUB_API_URL ?? "https://api.github.com", logger };
      const runtime: Runtime = {
        repoDir: path.resolve(workspace, input("working-directory") || "."),
        logger,
        env: childEnvironment(env),
        github:
          needsGitHub && repository !== null
            ? {
                octokit: createClient(clientOptions),
                urgentOctokit: createClient(clientOptions),
                repository,
                defaultBranch: eventDefaultBranch(),
              }
            : null,
        registerSecret: (value) => core.setSecret(value),
      };
      if (needsGitHub && runtime.github === null) {
        throw invalidInput(
          "repository",
          input("repository"),
          "Expected `owner/name`; the default is the workflow's repository.",
        );
      }
      const outcome = await runLoop(command as LoopCommand, input, runtime, {
        runUrl: runUrl(),
        actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
      });
      logger.untrusted(outcome.text);
      await publish(outcome.outputs, outcome.summary);
      if (!outcome.ok) core.setFailed(outcome.message);
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

function parseRepository(text: string): { owner: string; repo: string } | null {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(text.trim());
  return m === null ? null : { owner: m[1]!, repo: m[2]! };
}

function runUrl(): string | null {
  const {
    GITHUB_SERVER_URL: server,
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: id,
    GITHUB_RUN_ATTEMPT: attempt,
  } = env;
  if (!server || !repo || !id) return null;
  return `${server}/${repo}/actions/runs/${id}${attempt ? `/attempts/${attempt}` : ""}`;
}

/** The repository's default branch from the event payload, when the event carries it. */
function eventDefaultBranch(): string | null {
  try {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) : null;
    const branch = event?.repository?.default_branch;
    return typeof branch === "string" && branch !== "" ? branch : null;
  } catch {
    return null;
  }
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
