import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/definitions/errors.ts
function define(summary, build) {
  return { summary, build };
}
var ERRORS = {
  SG_INPUT_INVALID: define(
    "An input (or CLI flag) has a value shipguard cannot use; the message names it and what it expects.",
    (p) => ({
      message: `Invalid ${p.input}: ${JSON.stringify(p.value)}. ${p.expected}`,
      remedy: `Set ${p.input} (action input \`${p.input}\`, CLI flag \`--${p.input}\`) to a valid value: ${p.expected}`,
      input: p.input,
      value: p.value
    })
  ),
  SG_TOKEN_MISSING: define(
    "A command that writes to GitHub was given no token.",
    (p) => ({
      message: p.cli ? `\`${p.command}\` with --repo works on GitHub, which needs a token, and GITHUB_TOKEN is not set.` : `The ${p.command} command writes to GitHub and needs a token; none was given.`,
      remedy: p.cli ? `Export GITHUB_TOKEN (a token with ${p.permissions} on the repository), or drop --repo to work locally.` : `Leave the \`token\` input at its default (\`\${{ github.token }}\`) or pass one, with ${p.permissions} granted to the job.`,
      input: p.cli ? "repository" : "token"
    })
  ),
  /* ------------------------------------------------ the command line ------------------------ */
  SG_UNKNOWN_COMMAND: define(
    "The CLI was given a command it does not have.",
    (p) => ({
      message: `Unknown command ${JSON.stringify(p.command)}.`,
      remedy: `Use one of: ${p.known}. Run \`shipguard --help\` for more.`
    })
  ),
  SG_UNKNOWN_FLAG: define(
    "The CLI was given a flag the command does not take.",
    (p) => ({
      message: `Unknown flag --${p.flag}${p.command ? ` for \`${p.command}\`` : ""}.`,
      remedy: `Run \`shipguard ${p.command === null ? "" : `${p.command} `}--help\` for the flags it takes.`
    })
  ),
  SG_FLAG_VALUE_MISSING: define("A CLI flag that takes a value was given none.", (p) => ({
    message: `Flag --${p.flag} needs a value.`,
    remedy: `Write --${p.flag} <value> or --${p.flag}=<value>.`
  })),
  SG_UNEXPECTED_ARGUMENT: define(
    "The CLI was given a word that is neither a command nor a flag.",
    (p) => ({
      message: `Unexpected argument ${JSON.stringify(p.argument)}.`,
      remedy: "Flags take the form --name value. Run `shipguard --help`."
    })
  ),
  /* ------------------------------------------------ history and versions -------------------- */
  SG_NOT_A_REPOSITORY: define(
    "working-directory is not inside a git repository.",
    (p) => ({
      message: `${p.directory} is not inside a git repository.`,
      remedy: "Run in a clone of the repository (in a workflow: actions/checkout with `fetch-depth: 0` before this step), or set working-directory (`--cwd`) to one.",
      input: "working-directory",
      value: p.directory
    })
  ),
  SG_NO_COMMITS: define("The repository has no commits yet.", (p) => ({
    message: `The repository at ${p.topLevel} has no commits yet (HEAD does not resolve).`,
    remedy: "Commit something first, or point working-directory at a repository with history."
  })),
  SG_SHALLOW_CLONE: define(
    "The clone is shallow and shipguard may not (or cannot) deepen it: the version would be wrong.",
    (p) => ({
      message: `The clone is shallow${p.hasRemote ? "" : ` and has no \`${p.remote}\` remote to deepen it from`}: its history and tags are incomplete, so the version would be wrong.`,
      remedy: "Check out with full history: `actions/checkout` with `fetch-depth: 0` (or `git fetch --unshallow --tags`)" + (p.fetchHistory ? "." : ", or leave fetch-history at `true` so shipguard deepens it."),
      input: "fetch-history",
      value: String(p.fetchHistory)
    })
  ),
  SG_DEEPEN_FAILED: define(
    "The clone is shallow and fetching its history failed.",
    (p) => ({
      message: `The clone is shallow and deepening it failed (${p.detail}).`,
      remedy: "Check out with full history: `actions/checkout` with `fetch-depth: 0`, and a token that can read the repository."
    })
  ),
  SG_TAG_UNREADABLE: define(
    "A tag was reported to exist but cannot be read back.",
    (p) => ({
      message: `The tag ${p.tag} was reported to exist in ${p.where} but cannot be read back.`,
      remedy: "Re-run the job; if it persists, check the tag in the repository's tag list and delete it if it is broken."
    })
  ),
  /* ------------------------------------------------ deploy and rollback ----------------------- */
  SG_TAG_MISSING: define(
    "The version to deploy (or roll back to) has no tag in the clone.",
    (p) => p.input === "version" ? {
      message: `The tag ${p.tag} of version ${p.version} does not exist in the clone.`,
      remedy: "Release the version first (command: release), and check out with `fetch-depth: 0` so tags are present; or deploy a `ref` instead.",
      input: p.input,
      value: p.version
    } : {
      message: `The tag ${p.tag} does not exist in the clone, so ${p.version} cannot be deployed.`,
      remedy: "Check the version, and check out with `fetch-depth: 0` so tags are present.",
      input: p.input,
      value: p.version
    }
  ),
  SG_REF_UNKNOWN: define("The ref to deploy names no commit in the clone.", (p) => ({
    message: `The ref ${p.ref} does not name a commit in the clone.`,
    remedy: "Check the branch, tag or SHA, and fetch it (`fetch-depth: 0`) before deploying.",
    input: "ref",
    value: p.ref
  })),
  SG_WORKFLOW_NEEDS_GITHUB: define(
    "The `workflow` strategy was chosen where there is no GitHub.",
    (_) => ({
      message: "The `workflow` strategy dispatches a GitHub workflow and needs GitHub.",
      remedy: "Run it in the action, or on the CLI with --repo owner/name and GITHUB_TOKEN; locally, use `command` or `symlink`.",
      input: "strategy",
      value: "workflow"
    })
  ),
  SG_CHECKS_FILE_UNREADABLE: define("checks-file cannot be read.", (p) => ({
    message: `checks-file ${p.file} could not be read (${p.detail}).`,
    remedy: "Give a path relative to the repository (working-directory), committed in the checkout.",
    input: "checks-file",
    value: p.file
  })),
  SG_MIGRATIONS_UNREADABLE: define(
    "The migration guard could not compare the two versions; it never passes blind.",
    (p) => ({
      message: `Could not compare ${p.from} and ${p.to} to look for database migrations (${p.detail}).`,
      remedy: "Check out with `fetch-depth: 0` so both commits are present; the migration guard never passes blind.",
      input: "migration-paths"
    })
  ),
  /* ------------------------------------------------ rollback guards (status: blocked) --------- */
  SG_NO_DEPLOYMENTS: define(
    "Blocked: the environment has no deployment recorded by shipguard, so there is nothing to roll back.",
    (p) => ({
      message: `${p.environment} has no deployment recorded by shipguard: there is nothing to roll back.`,
      remedy: "Check the environment name; deploy with shipguard first so deployments are recorded.",
      input: "environment",
      value: p.environment
    })
  ),
  SG_ROLLBACK_OF_ROLLBACK: define(
    "Blocked: what runs now is a rollback that did not succeed; shipguard does not roll back a rollback.",
    (p) => ({
      message: `The newest deployment of ${p.environment} (#${p.id}, ${p.version}) is a rollback that ended ${p.state}. shipguard does not roll back a rollback.`,
      remedy: "A human decides now: fix forward and deploy a new version, or start a rollback to a chosen to-version with force: true after checking the environment by hand.",
      input: "environment",
      value: p.environment
    })
  ),
  SG_NOTHING_TO_ROLL_BACK_TO: define(
    "Blocked: no earlier deployment of the environment passed its checks.",
    (p) => ({
      message: `${p.environment} has no earlier deployment that passed its checks: there is nothing to roll back to.`,
      remedy: "Fix forward and deploy a new version; or name a version with to-version and force: true.",
      input: "to-version",
      value: ""
    })
  ),
  SG_TARGET_NOT_VERIFIED: define(
    "Blocked: to-version never passed its checks in the environment.",
    (p) => ({
      message: `${p.version} never passed its checks in ${p.environment}: shipguard will not roll back to it.`,
      remedy: `Choose a version that was verified there (leave to-version empty for the last known good one), or set force: true to deploy ${p.version} anyway.`,
      input: "to-version",
      value: p.version
    })
  ),
  SG_MIGRATIONS_BETWEEN: define(
    "Blocked: database migration files changed between the two versions.",
    (p) => ({
      message: `Rolling ${p.environment} back from ${p.from} to ${p.to} crosses database migrations:
${p.files.map((f) => `  - ${f}`).join("\n")}`,
      remedy: "Rolling the code back under a migrated schema can break the app or lose data. Roll forward with a fix instead; or, if the migrations are backward compatible, run the rollback again with allow-migrations: true.",
      input: "allow-migrations",
      value: "false"
    })
  ),
  SG_BEFORE_ROLLBACK_FAILED: define(
    "Blocked: the before-rollback command failed, so nothing was rolled back.",
    (p) => ({
      message: `before-rollback failed (${p.failure}); nothing was rolled back.`,
      remedy: "Fix the before-rollback command (its last lines are above) and run the rollback again.",
      input: "before-rollback"
    })
  ),
  SG_DEMO_NEEDS_POSIX: define("The demo runs on Linux or macOS only.", (_) => ({
    message: "The demo needs a POSIX system (a shell, symbolic links, signals).",
    remedy: "Run it on Linux or macOS, or in WSL."
  })),
  /** Transitional (issue 10): removed once every call site names its code. */
  SG_UNCODED: define("An error not yet given its own code.", (p) => p),
  SG_INTERNAL: define(
    "Something shipguard did not expect; the message has the stack. Please report it.",
    (p) => ({
      message: `shipguard failed unexpectedly: ${p.detail}`,
      remedy: "Re-run with --verbose (or ACTIONS_STEP_DEBUG) and open an issue with the log."
    })
  )
};
function errorAnchor(code) {
  return code.toLowerCase().replace(/_/g, "-");
}

// src/errors.ts
var ShipguardError = class extends Error {
  code;
  remedy;
  input;
  value;
  constructor(first, second, options = {}) {
    const coded = first in ERRORS;
    const details = coded ? { ...second, message: second.message ?? "" } : { ...second, message: first };
    const cause = coded ? options.cause : second.cause;
    super(details.message, cause === void 0 ? void 0 : { cause });
    this.name = "ShipguardError";
    this.code = coded ? first : "SG_UNCODED";
    this.remedy = details.remedy;
    this.input = details.input;
    this.value = details.value;
  }
  /** The text a user sees: the code and message, the remedy, and where the README explains it. */
  describe() {
    if (this.code === "SG_UNCODED") return `${this.message}
Fix: ${this.remedy}`;
    return describeProblem(this);
  }
};
function shipguardError(code, params, options = {}) {
  const build = ERRORS[code].build;
  return new ShipguardError(code, build(params), options);
}
function invalidInput(input, value, expected) {
  return shipguardError("SG_INPUT_INVALID", { input, value, expected });
}
function isShipguardError(error) {
  return error instanceof ShipguardError;
}
function refusal(code, params) {
  const { message, remedy } = shipguardError(code, params);
  return { code, message, remedy };
}
function describeProblem(problem) {
  return `${problem.code}: ${problem.message}
Fix: ${problem.remedy}
See: README.md#${errorAnchor(problem.code)}`;
}
function describeFailure(error) {
  if (isShipguardError(error)) return error.describe();
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  return shipguardError("SG_INTERNAL", { detail }).describe();
}

export {
  errorAnchor,
  ShipguardError,
  shipguardError,
  invalidInput,
  isShipguardError,
  refusal,
  describeProblem,
  describeFailure
};
