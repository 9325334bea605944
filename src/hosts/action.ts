/**
 * The action host: options are the step's inputs, the context is the runner's environment, and a
 * result becomes outputs, the job summary and log lines; a result that is not ok fails the step.
 */
import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import { actionsLogger } from "../adapters/actions-logger.ts";
import type { Cancellation, RunContext } from "../context.ts";
import type { Redactor } from "../core/secrets.ts";
import { invalidInput } from "../errors.ts";
import { capOutput, capSummary } from "../presenters/github-limits.ts";
import { childEnvironment } from "../registry/compose.ts";
import { type Host, isCommandName, type Presentation } from "../registry/index.ts";
import { COMMANDS, type CommandName, parseRepository } from "../settings.ts";
import { runSecrets } from "./run-secrets.ts";

export function actionHost(
  env: NodeJS.ProcessEnv,
  cancellation: Cancellation,
): Host & { command: CommandName } {
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
    context: actionContext(env, token, logger, cancellation, secrets),
    async publish(result: Presentation) {
      logger.untrusted(result.text.replace(/\n$/, ""));
      // Within GitHub's limits (1 MB an output, 1 MiB of summary a step), saying what was cut.
      for (const [name, value] of Object.entries(result.outputs)) {
        const output = capOutput(name, value);
        if (output.note !== null) logger.warning(output.note);
        core.setOutput(name, output.text);
      }
      if (env.GITHUB_STEP_SUMMARY) {
        const summary = capSummary(result.summary);
        if (summary.note !== null) logger.warning(summary.note);
        await core.summary.addRaw(summary.text).write();
      }
    },
    fail: (text) => core.setFailed(text),
  };
}

function actionContext(
  env: NodeJS.ProcessEnv,
  token: string,
  logger: RunContext["logger"],
  cancellation: Cancellation,
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
      graphqlUrl: env.GITHUB_GRAPHQL_URL || null,
      defaultBranch: eventDefaultBranch(env),
    },
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: parseRepository((env.GITHUB_REPOSITORY ?? "").trim()),
    branch,
    runUrl: runUrl(env),
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
    registerSecret: (value) => secrets.add(value),
    redact: secrets.redact,
    cancellation,
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
