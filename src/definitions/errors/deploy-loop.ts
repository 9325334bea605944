/** Deploy and rollback, and the guards that refuse a rollback (status: blocked). */
import { define } from "../define-error.ts";

export const DEPLOY_LOOP_ERRORS = {
  /* ------------------------------------------------ deploy and rollback ----------------------- */
  SG_TAG_MISSING: define(
    "The version to deploy (or roll back to) has no tag in the clone.",
    (p: { tag: string; version: string; input: "version" | "to-version" }) =>
      p.input === "version"
        ? {
            message: `The tag ${p.tag} of version ${p.version} does not exist in the clone.`,
            remedy:
              "Release the version first (command: release), and check out with `fetch-depth: 0` so tags are present; or deploy a `ref` instead.",
            input: p.input,
            value: p.version,
          }
        : {
            message: `The tag ${p.tag} does not exist in the clone, so ${p.version} cannot be deployed.`,
            remedy: "Check the version, and check out with `fetch-depth: 0` so tags are present.",
            input: p.input,
            value: p.version,
          },
    "Release the version first, and check out with `fetch-depth: 0` so tags are present.",
  ),
  SG_REF_UNKNOWN: define(
    "The ref to deploy names no commit in the clone.",
    (p: { ref: string }) => ({
      message: `The ref ${p.ref} does not name a commit in the clone.`,
      remedy: "Check the branch, tag or SHA, and fetch it (`fetch-depth: 0`) before deploying.",
      input: "ref",
      value: p.ref,
    }),
    "Check the branch, tag or SHA, and fetch it before deploying.",
  ),
  SG_WORKFLOW_NEEDS_GITHUB: define(
    "The `workflow` strategy was chosen where there is no GitHub.",
    (_: Record<string, never>) => ({
      message: "The `workflow` strategy dispatches a GitHub workflow and needs GitHub.",
      remedy:
        "Run it in the action, or on the CLI with --repo owner/name and GITHUB_TOKEN; locally, use `command` or `symlink`.",
      input: "strategy",
      value: "workflow",
    }),
    "Use `command` or `symlink` locally, or pass `--repo` with GITHUB_TOKEN.",
  ),
  SG_CHECKS_FILE_UNREADABLE: define(
    "checks-file cannot be read.",
    (p: { file: string; detail: string }) => ({
      message: `checks-file ${p.file} could not be read (${p.detail}).`,
      remedy: "Give a path relative to the repository (working-directory), committed in the checkout.",
      input: "checks-file",
      value: p.file,
    }),
    "Give a path relative to `working-directory`, committed in the checkout.",
  ),
  SG_MIGRATIONS_UNREADABLE: define(
    "The migration guard could not compare the two versions; it never passes blind.",
    (p: { from: string; to: string; detail: string }) => ({
      message: `Could not compare ${p.from} and ${p.to} to look for database migrations (${p.detail}).`,
      remedy:
        "Check out with `fetch-depth: 0` so both commits are present; the migration guard never passes blind.",
      input: "migration-paths",
    }),
    "Check out with `fetch-depth: 0` so both commits are present.",
  ),

  /* ------------------------------------------------ rollback guards (status: blocked) --------- */
  SG_NO_DEPLOYMENTS: define(
    "Blocked: the environment has no deployment recorded by shipguard, so there is nothing to roll back.",
    (p: { environment: string }) => ({
      message: `${p.environment} has no deployment recorded by shipguard: there is nothing to roll back.`,
      remedy: "Check the environment name; deploy with shipguard first so deployments are recorded.",
      input: "environment",
      value: p.environment,
    }),
    "Check the environment name; deploy with shipguard first.",
  ),
  SG_NOT_VERIFIED_IN: define(
    "Blocked: the version to deploy is not verified in an environment require-verified-in names.",
    (p: { version: string; environment: string; missing: string[]; first: string }) => ({
      message: `${p.version} is not verified in ${p.missing.join(", ")}: ${p.environment} only receives versions already verified there. Nothing was deployed or recorded.`,
      remedy: `Deploy ${p.version} to ${p.first} and let its checks pass, then promote it here; if it cannot wait, deploy with force: true and a reason (the record says forced).`,
      input: "require-verified-in",
      value: p.missing.join(", "),
    }),
    "Deploy the version to the named environments first and let its checks pass; or force: true with a reason.",
  ),
  SG_ROLLBACK_PENDING: define(
    "A rollback of the environment is queued or running: the deploy does not overtake it.",
    (p: { environment: string; workflow: string; url: string; status: string }) => ({
      message: `A rollback of ${p.environment} is ${p.status.replace("_", " ")}: ${p.workflow}, ${p.url}. The deploy did not start, so it cannot cancel or undo it.`,
      remedy: "Let the rollback finish (or cancel that run if it is not wanted), then deploy again.",
      input: "environment",
      value: p.environment,
    }),
    "Let the rollback finish (or cancel its run), then deploy again.",
  ),
  SG_ROLLBACK_OF_ROLLBACK: define(
    "Blocked: what runs now is a rollback that did not succeed; shipguard does not roll back a rollback.",
    (p: { environment: string; id: string; version: string; state: string }) => ({
      message: `The newest deployment of ${p.environment} (#${p.id}, ${p.version}) is a rollback that ended ${p.state}. shipguard does not roll back a rollback.`,
      remedy:
        "A human decides now: fix forward and deploy a new version, or start a rollback to a chosen to-version with force: true after checking the environment by hand.",
      input: "environment",
      value: p.environment,
    }),
    "A human decides: fix forward, or a chosen `to-version` with `force: true`.",
  ),
  SG_NOTHING_TO_ROLL_BACK_TO: define(
    "Blocked: no earlier deployment of the environment passed its checks (and was not rolled back from since).",
    (p: { environment: string }) => ({
      message: `${p.environment} has no earlier deployment that passed its checks and was not rolled back from since: there is nothing older to roll back to.`,
      remedy: "Fix forward and deploy a new version; or name a version with to-version and force: true.",
      input: "to-version",
      value: "",
    }),
    "Fix forward; or name a `to-version` with `force: true`.",
  ),
  SG_TARGET_NOT_VERIFIED: define(
    "Blocked: to-version never passed its checks in the environment, or was rolled back from since.",
    (p: { version: string; environment: string; rolledBackFrom?: boolean }) => ({
      message: p.rolledBackFrom
        ? `${p.version} was rolled back from in ${p.environment} and has not passed its checks there since: shipguard will not roll back to it.`
        : `${p.version} never passed its checks in ${p.environment}: shipguard will not roll back to it.`,
      remedy: `Choose a version that was verified there (leave to-version empty for the last known good one), or set force: true to deploy ${p.version} anyway.`,
      input: "to-version",
      value: p.version,
    }),
    "Leave `to-version` empty for the last known good version, or add `force: true`.",
  ),
  SG_MIGRATIONS_BETWEEN: define(
    "Blocked: database migration files changed between the two versions.",
    (p: { environment: string; from: string; to: string; files: string[] }) => ({
      message: `Rolling ${p.environment} back from ${p.from} to ${p.to} crosses database migrations:\n${p.files.map((f) => `  - ${f}`).join("\n")}`,
      remedy:
        "Rolling the code back under a migrated schema can break the app or lose data. Roll forward with a fix instead; or, if the migrations are backward compatible, run the rollback again with allow-migrations: true.",
      input: "allow-migrations",
      value: "false",
    }),
    "Roll forward with a fix; if the migrations are backward compatible, `allow-migrations: true`.",
  ),
  SG_BEFORE_ROLLBACK_FAILED: define(
    "Blocked: the before-rollback command failed, so nothing was rolled back.",
    (p: { failure: string }) => ({
      message: `before-rollback failed (${p.failure}); nothing was rolled back.`,
      remedy: "Fix the before-rollback command (its last lines are above) and run the rollback again.",
      input: "before-rollback",
    }),
    "Fix the `before-rollback` command (its last lines are in the log) and run again.",
  ),
  SG_DEMO_NEEDS_POSIX: define(
    "The demo runs on Linux or macOS only.",
    (_: Record<string, never>) => ({
      message: "The demo needs a POSIX system (a shell, symbolic links, signals).",
      remedy: "Run it on Linux or macOS, or in WSL.",
    }),
    "Run the demo on Linux or macOS, or in WSL.",
  ),
};
