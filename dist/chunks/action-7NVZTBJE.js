import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runSecrets
} from "./chunk-M7IAJKUN.js";
import {
  childEnvironment,
  isCommandName
} from "./chunk-LK657VT6.js";
import "./chunk-32H4JKIA.js";
import {
  capOutput,
  capSummary
} from "./chunk-BCCI77KM.js";
import {
  parseRepository
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-QNSM54YF.js";
import "./chunk-TRU3V6GF.js";
import {
  debug,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-I3TDWVB7.js";
import "./chunk-2DVYPI74.js";
import "./chunk-5533FDRY.js";
import "./chunk-ZMIH3YQE.js";
import {
  COMMANDS,
  invalidInput
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/hosts/action.ts
import { readFileSync } from "node:fs";

// src/adapters/actions-logger.ts
import { randomUUID } from "node:crypto";
function actionsLogger() {
  return {
    debug: (m) => debug(m),
    info: (m) => info(m),
    // core.warning escapes %, CR and LF, so a message cannot end the command early.
    warning: (m) => warning(m),
    untrusted(text) {
      const token = `shipguard-${randomUUID()}`;
      info(`::stop-commands::${token}`);
      info(text);
      info(`::${token}::`);
    }
  };
}

// src/hosts/action.ts
function actionHost(env, cancellation) {
  const input = (name) => getInput(name);
  const token = input("token");
  const secrets = runSecrets(env, token, input, (form) => setSecret(form));
  const command = input("command").trim() || "version";
  if (!isCommandName(command)) {
    throw invalidInput("command", command, `Expected one of: ${COMMANDS.join(", ")}.`);
  }
  const logger = actionsLogger();
  return {
    command,
    // `repository` defaults to the workflow's own, also when a caller passes an empty string.
    source: (name) => name === "repository" ? input(name) || env.GITHUB_REPOSITORY : input(name),
    context: actionContext(env, token, logger, cancellation, secrets),
    async publish(result) {
      logger.untrusted(result.text.replace(/\n$/, ""));
      for (const [name, value] of Object.entries(result.outputs)) {
        const output = capOutput(name, value);
        if (output.note !== null) logger.warning(output.note);
        setOutput(name, output.text);
      }
      if (env.GITHUB_STEP_SUMMARY) {
        const summary2 = capSummary(result.summary);
        if (summary2.note !== null) logger.warning(summary2.note);
        await summary.addRaw(summary2.text).write();
      }
    },
    fail: (text) => setFailed(text)
  };
}
function actionContext(env, token, logger, cancellation, secrets) {
  const branch = env.GITHUB_HEAD_REF || (env.GITHUB_REF_TYPE === "branch" ? env.GITHUB_REF_NAME : void 0) || null;
  return {
    host: "action",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    logger,
    env: childEnvironment(env),
    github: {
      token,
      apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
      graphqlUrl: env.GITHUB_GRAPHQL_URL || null,
      defaultBranch: eventDefaultBranch(env)
    },
    serverUrl: env.GITHUB_SERVER_URL ?? null,
    repository: parseRepository((env.GITHUB_REPOSITORY ?? "").trim()),
    branch,
    runUrl: runUrl(env),
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || null,
    registerSecret: (value) => secrets.add(value),
    redact: secrets.redact,
    cancellation
  };
}
function runUrl(env) {
  const {
    GITHUB_SERVER_URL: server,
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: id,
    GITHUB_RUN_ATTEMPT: attempt
  } = env;
  if (!server || !repo || !id) return null;
  return `${server}/${repo}/actions/runs/${id}${attempt ? `/attempts/${attempt}` : ""}`;
}
function eventDefaultBranch(env) {
  try {
    const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) : null;
    const branch = event?.repository?.default_branch;
    return typeof branch === "string" && branch !== "" ? branch : null;
  } catch {
    return null;
  }
}
export {
  actionHost
};
