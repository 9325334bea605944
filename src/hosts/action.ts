/**
 * The action host: options are the step's inputs, the context is the runner's environment, and a
 * result becomes outputs, the job summary and log lines; a result that is not ok fails the step.
 */
import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import { actionsLogger } from "../adapters/actions-logger.ts";
import type { RunContext } from "../context.ts";
import type { Redactor } from "../core/secrets.ts";
import { invalidInput } from "../errors.ts";
import { childEnvironment } from "../registry/compose.ts";
import { type Host, isCommandName, type Presentation } from "../registry/index.ts";
import { COMMANDS, type CommandName, parseRepository } from "../settings.ts";
import { runSecrets } from "./run-secrets.ts";

export function actionHost(env: NodeJS.ProcessEnv): Host & { command: CommandName } {
  const input = (name: string) => core.getInput(name);
  const token = input("token");
  // Every secret is masked in the log before anything reads it, in every form it may leak in.
  const secrets = runSecrets(env, token, input, (form) => core.setSecret(form));
  const command = input("command").trim() || "version";
  if (!isCommandName(command)) {
    throw invalidInput("command", command, `Expected one of: ${COMMANDS.join(", ")}.`);
  }
  const logger = actionsLogger();
  return {
    command,
    // `repository` defaults to the workflow's own, also when a caller passes an empty string.
    source: (name) => (name === "repository" ? input(name) || env.GITHUB_REPOSITORY : input(name)),
    context: actionContext(env, token, logger, secrets),
    async publish(result: Presentation) {
      logger.untrusted(result.text.replace(/\n$/, ""));
      for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary).write();
    },
    fail: (text) => core.setFailed(text),
  };
}

function actionContext(
  env: NodeJS.ProcessEnv,
  token: string,
  logger: RunContext["logger"],
  secrets: Redactor,
): RunContext {
  // On pull_request events GITHUB_REF_NAME is "<n>/merge"; the branch is GITHUB_HEAD_REF.
  const branch =
    env.GITHUB_HEAD_REF || (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : undefined) || null;
  return {
    host: "action",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    logger,
    env: childEnvironment(env),
    github: {
      token,
      apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      defaultBranch: eventDefaultBranch(env),
    },
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: parseRepository((env.GITHUB_REPOSITORY ?? "").trim()),
    branch,
    runUrl: runUrl(env),
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
    registerSecret: (value) => secrets.add(value),
    redact: secrets.redact,
  };
}

function runUrl(env: NodeJS.ProcessEnv): string | null {
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
function eventDefaultBranch(env: NodeJS.ProcessEnv): string | null {
  try {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) : null;
    const branch = event?.repository?.default_branch;
    return typeof branch === "string" && branch !== "" ? branch : null;
  } catch {
    return null;
  }
}
