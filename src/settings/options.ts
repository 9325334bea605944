/**
 * The schema of every setting: the action reads it from inputs, the CLI from flags of the same
 * name (`tag-prefix` / `--tag-prefix`). action.yml is generated from OPTIONS (scripts/gen-action.mjs).
 */

import { METRICS_OPTIONS } from "./options-metrics.ts";
import { RELEASE_FILE_OPTIONS } from "./release-file-options.ts";

/** What the action's `command` input accepts. */
export const COMMANDS = ["version", "release", "deploy", "smoke", "rollback", "incident", "metrics"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The CLI's commands: the action's, and `demo` (the whole loop in a temporary folder). */
export const CLI_COMMANDS = [...COMMANDS, "demo"] as const;
export type CliCommandName = (typeof CLI_COMMANDS)[number];

export interface OptionSpec {
  name: string;
  description: string;
  /** The default as the input string; undefined means empty (not set). */
  default?: string;
  /**
   * The one kind of default action.yml declares: one read from the runner's context, such as
   * `${{ github.token }}`, or the command. Any other declared default would count as a given input
   * and hide the settings file; shipguard applies `default` itself, below the file.
   */
  actionDefault?: string;
  /** Commands that read the option. */
  commands: readonly CliCommandName[];
  /** A CLI-only short alias, e.g. `--cwd` for `working-directory`. */
  alias?: string;
  /** Shown in action.yml only (the CLI has its own equivalent, or none). */
  actionOnly?: boolean;
  cliOnly?: boolean;
  boolean?: boolean;
  /** Each line is a secret: masked in the log before anything runs, never printed or reported. */
  secret?: boolean;
  /** What the option does for one command, where `description` (action.yml's) speaks of several. */
  help?: Partial<Record<CliCommandName, string>>;
}

const ALL = COMMANDS;
/** The commands whose outcome people are told about. */
const ANNOUNCING: readonly CommandName[] = ["release", "deploy", "rollback"];
const VERSIONING: readonly CommandName[] = ["version", "release"];

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "command",
    description:
      "The job to run: `version`, `release`, `deploy`, `smoke`, `rollback`, `incident` (records an incident another step reported), or `metrics` (delivery metrics from the deployment records).",
    default: "version",
    actionDefault: "version",
    commands: ALL,
    actionOnly: true,
  },
  {
    name: "working-directory",
    description: "The git repository to read, relative to the workspace.",
    default: ".",
    commands: ALL,
    alias: "cwd",
  },
  {
    name: "config-file",
    description:
      "The settings file, relative to working-directory: any input by its name, plus `packages` (monorepos). A missing file at the default path is fine; a named file that is missing is an error. An input given (not empty) wins over the file, and the file over the default.",
    default: ".github/shipguard.yml",
    commands: ALL,
  },
  {
    name: "tag-prefix",
    description:
      "What stands before the version in a tag name: `v` gives `v1.2.3`; `release/v` and `pkg@` work too. `deploy` and `rollback` find a version's tag with it.",
    default: "v",
    commands: [...VERSIONING, "deploy", "rollback"],
  },
  {
    name: "release-rules",
    description:
      "Overrides of the bump per commit type and optionally scope, one per line or comma-separated: `docs(readme)=patch`, `refactor=minor`, `chore=none`; `*=patch` gives every type no other rule or default names a patch. Defaults: breaking = major, `feat` = minor, `fix` and `perf` = patch, others none.",
    commands: VERSIONING,
  },
  {
    name: "squash-bullets",
    description:
      "How `* type: ...` bullets in a squash-merge body count: `never` (the title decides, as in the field: a title that is not a Conventional Commit is the maintainers' choice not to release), `fallback` (only when the title is not a Conventional Commit) or `always` (next to the title). Breaking-change notes count wherever they are.",
    default: "never",
    commands: VERSIONING,
  },
  {
    name: "initial-version",
    description: "The first version, when no tag of the prefix exists yet and a commit calls for a release.",
    default: "1.0.0",
    commands: VERSIONING,
  },
  {
    name: "major-zero-breaking",
    description:
      "What a breaking change bumps while the major version is 0: `minor` (SemVer's 0.x convention) or `major`.",
    default: "minor",
    commands: VERSIONING,
  },
  {
    name: "prerelease",
    description:
      "A prerelease identifier such as `rc`: gives `1.3.0-rc.1`, then `1.3.0-rc.2` while the stable base is unchanged.",
    commands: VERSIONING,
  },
  {
    name: "prerelease-branches",
    description:
      "Branch-to-identifier map that picks the prerelease identifier from the current branch: `next=rc, beta=beta`.",
    commands: VERSIONING,
  },
  {
    name: "build-metadata",
    description: "SemVer build metadata appended to the version and tag as `+<value>`.",
    commands: VERSIONING,
  },
  {
    name: "maintenance-branches",
    description:
      "Globs of maintenance branches, comma-separated (`hotfix/*, release/*, 1.x, 1.2.x`). On such a branch a release stays on the line of its last tag: below the next existing tag above it, patches only on `N.N.x`, minors and patches on `N.x`; a bump that would leave the line is refused. A maintenance release is never marked latest.",
    commands: VERSIONING,
  },
  {
    name: "package",
    description:
      "`version` in a monorepo: print exactly the single-package output for this package path (`packages/api`).",
    commands: ["version"],
    cliOnly: true,
  },
  {
    name: "fetch-history",
    description:
      "Deepen a shallow clone and fetch tags from `origin` before reading history (`git fetch --unshallow --tags`). With `false`, a shallow clone is an error.",
    default: "true",
    commands: VERSIONING,
    boolean: true,
  },
  {
    name: "token",
    description:
      "The GitHub token for API calls. Needs `contents: write` to release. The CLI reads GITHUB_TOKEN from the environment instead.",
    actionDefault: "${{ github.token }}",
    commands: ["release", "deploy", "smoke", "rollback", "incident", "metrics"],
    actionOnly: true,
  },
  {
    name: "repository",
    description:
      "The GitHub repository to work on, `owner/name`: where `release` tags and publishes, and where `deploy` and `rollback` record deployments and dispatch workflows. In the action: the workflow's repository. In the CLI: set it (with GITHUB_TOKEN in the environment) to work on GitHub instead of locally.",
    actionDefault: "${{ github.repository }}",
    commands: ["release", "deploy", "smoke", "rollback", "incident", "metrics"],
    help: {
      metrics:
        "Read the GitHub Deployments of `owner/name` (GITHUB_TOKEN with `deployments: read`) instead of the local ledger.",
    },
    alias: "repo",
  },
  {
    name: "dry-run",
    description: "Compute and report everything, write nothing.",
    default: "false",
    commands: ["release"],
    boolean: true,
  },
  {
    name: "floating-tags",
    description:
      "Move floating tags to a stable release: `major` moves `v1`, `major-minor` moves `v1` and `v1.2`, `none` moves nothing. Only forward: a maintenance release of an older line leaves them.",
    default: "none",
    commands: ["release"],
  },
  {
    name: "latest-package",
    description:
      "`release` in a monorepo: the path of the package whose release may be marked latest (`packages/api`). Default: the root package `.`; every other package's release is never latest.",
    commands: ["release"],
  },
  ...RELEASE_FILE_OPTIONS,
  {
    name: "push",
    description: "Push the new tag to `origin` (CLI, local mode).",
    default: "false",
    commands: ["release"],
    boolean: true,
    cliOnly: true,
  },
  {
    name: "notes-file",
    description: "Write the release notes to this file instead of stdout (CLI, local mode).",
    commands: ["release"],
    cliOnly: true,
  },
  {
    name: "environment",
    description:
      "The environment to deploy to, smoke-check or roll back (`production`, `staging`). `metrics`: the one environment to report (default: every environment); names compare without case.",
    commands: ["deploy", "smoke", "rollback", "metrics"],
    help: {
      metrics: "The one environment to report (default: every environment); names compare without case.",
    },
  },
  {
    name: "version",
    description:
      "`deploy`: the SemVer version to deploy (`1.4.2` or `v1.4.2`); its tag (tag-prefix + version) must exist as written. `smoke`: the version `${SHIPGUARD_VERSION}` stands for in the checks; default: the version last deployed to `environment` (from the ledger).",
    commands: ["deploy", "smoke"],
  },
  {
    name: "ref",
    description:
      "`deploy`: a git ref (branch, tag or SHA) to deploy instead of a version; recorded by its SHA.",
    commands: ["deploy"],
  },
  {
    name: "strategy",
    description:
      "How to deploy: `command` (deploy-command), `workflow` (dispatch deploy-workflow and wait) or `symlink` (releases folder and an atomic `current` switch).",
    default: "command",
    commands: ["deploy", "rollback"],
  },
  {
    name: "deploy-command",
    description:
      '`command` strategy: the shell command that deploys. It gets SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT and SHIPGUARD_PREVIOUS_VERSION in its environment: use them as `"$SHIPGUARD_VERSION"`, never as workflow expressions written into the string.',
    commands: ["deploy", "rollback"],
  },
  {
    name: "prepare-command",
    description:
      "Runs before the switch while the old version still serves (pull images, stage files), with the same variables. `symlink`: runs inside the new release folder.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "deploy-timeout-minutes",
    description: "How long a deploy (command, workflow run, restart) may take before it counts as failed.",
    default: "30",
    commands: ["deploy", "rollback"],
  },
  {
    name: "deploy-workflow",
    description:
      "`workflow` strategy: the workflow file to dispatch (`deploy-app.yml`). It receives the inputs `version`, `tag`, `sha`, `environment` and `correlation-id`, and should show the correlation id in its `run-name`.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "workflow-ref",
    description:
      "The branch or tag the dispatched workflows run on. Default: the repository's default branch.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "workflow-inputs",
    description: "`workflow` strategy: extra inputs for the deploy workflow, one `name=value` per line.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "release-source",
    description:
      "`symlink` strategy: the folder to copy into `releases-dir/<version>`; `${SHIPGUARD_VERSION}` is expanded (`build/${SHIPGUARD_VERSION}`).",
    commands: ["deploy", "rollback"],
  },
  {
    name: "releases-dir",
    description: "`symlink` strategy: where versions live side by side; `current` is a link next to it.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "current-link",
    description: "`symlink` strategy: the link switched atomically. Default: `current` next to releases-dir.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "keep-releases",
    description:
      "`symlink` strategy: how many releases to keep; the current and the last known good one are never deleted.",
    default: "3",
    commands: ["deploy", "rollback"],
  },
  {
    name: "restart-command",
    description:
      "`symlink` strategy: runs after the switch (restart or reload the service), with the same variables.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "checks",
    description:
      "Smoke checks, YAML: `settings:` and `checks:` (http, prometheus, command), or a bare list. See the README.",
    commands: ["deploy", "smoke", "rollback"],
  },
  {
    name: "checks-file",
    description: "A file holding the smoke checks, instead of `checks`.",
    commands: ["deploy", "smoke", "rollback"],
  },
  {
    name: "environment-url",
    description:
      "The URL of the deployed environment, shown on the deployment: an absolute http(s) URL such as `https://app.example.com`.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "require-verified-in",
    description:
      "`deploy`: environments (comma-separated) where this version (the same tag at the same commit) must already be verified (its newest deployment there passed its checks and was not rolled back from) before it may deploy here, e.g. `staging`. Otherwise the deploy stops before anything happens, with status `blocked`.",
    commands: ["deploy"],
  },
  {
    name: "traffic-steps",
    description:
      "`deploy`, `command` strategy: a canary in steps of traffic, percentages ending at 100 (`10, 50, 100`). Each step runs deploy-command with SHIPGUARD_TRAFFIC_PERCENT, then the checks; a failing step sets it to 0 and fails the deploy.",
    commands: ["deploy"],
  },
  {
    name: "on-failure",
    description:
      "`deploy`: what a failed deploy or failed checks do: `rollback` dispatches rollback-workflow to the last known good version (in the CLI: rolls back in the same process), `none` only fails.",
    default: "rollback",
    commands: ["deploy"],
  },
  {
    name: "rollback-workflow",
    description:
      "`deploy`: the workflow file in this repository that on-failure dispatches (it declares the rollback inputs).",
    default: "rollback.yml",
    commands: ["deploy"],
  },
  {
    name: "to-version",
    description:
      "`rollback`: the version to go back to. Default: the last known good version of the environment.",
    commands: ["rollback"],
  },
  {
    name: "from-version",
    description: "`rollback`: the version being rolled back from (informational; the dispatch fills it in).",
    commands: ["rollback"],
  },
  {
    name: "reason",
    description:
      "`rollback`: why (shown in the record and the incident report). Required for a manual rollback. `deploy`: why `force` overrides require-verified-in (required with it).",
    commands: ["deploy", "rollback"],
  },
  {
    name: "correlation-id",
    description: "`deploy` and `rollback`: the id of this attempt; the same id twice does the work once.",
    commands: ["deploy", "rollback"],
  },
  {
    name: "force",
    description:
      "`rollback`: allow a to-version that never deployed successfully in this environment. `deploy`: deploy although require-verified-in is not met (with a `reason`; the record says so).",
    default: "false",
    commands: ["deploy", "rollback"],
    help: {
      rollback:
        "Go through two guards: roll back to a --to-version that never passed its checks here (or was rolled back from since; its tag must exist), and roll back although the newest deployment is a rollback that did not succeed. The other guards (migrations, before-rollback) still hold.",
      deploy:
        "Deploy although require-verified-in is not met; needs --reason, and the record and summary say it was forced.",
    },
    boolean: true,
  },
  {
    name: "allow-migrations",
    description:
      "`rollback`: roll back even when files under migration-paths changed between the two versions.",
    default: "false",
    commands: ["rollback"],
    boolean: true,
  },
  {
    name: "migration-paths",
    description:
      "`rollback`: globs of database migration files, one per line; a change there blocks an automatic rollback.",
    default: "migrations/**\ndb/migrate/**\n**/migrations/**",
    commands: ["rollback"],
  },
  {
    name: "before-rollback",
    description:
      "`rollback`: a command run before the rollback (maintenance mode, a backup), with the deploy variables.",
    commands: ["rollback"],
  },
  {
    name: "after-rollback",
    description:
      "`rollback`: a command run after the rollback (notify), with the deploy variables and SHIPGUARD_ROLLBACK_STATUS.",
    commands: ["rollback"],
  },
  {
    name: "notify-url",
    description:
      "Webhook URLs told about each event in notify-on, one per line (`metrics`: sent the `metrics` event, the weekly digest). Secrets: pass them from `secrets.*`; they are masked and never printed. `https://` only (`http://` for loopback).",
    commands: [...ANNOUNCING, "metrics"],
    secret: true,
  },
  {
    name: "notify-format",
    description:
      "The body the webhooks receive: `json` (shipguard's versioned event), `slack` (also Mattermost and Rocket.Chat) or `teams` (an Adaptive Card for a Teams workflow webhook).",
    default: "json",
    commands: [...ANNOUNCING, "metrics"],
  },
  {
    name: "notify-on",
    description:
      "Which events notify-url hears about, comma-separated: `released`, `deployed`, `verify-failed`, `rolled-back`, `rollback-failed`, `blocked`, `cancelled`, or `all`. Default: `released` for `release`; `verify-failed, rolled-back, rollback-failed, blocked, cancelled` (what needs a person) for `deploy` and `rollback`.",
    commands: ANNOUNCING,
  },
  {
    name: "incident-issue",
    description:
      "`deploy` and `rollback`: record each rollback incident (automatic, failed or blocked) in one GitHub issue per correlation id, labelled `shipguard:incident` (needs `issues: write`); in the CLI without GitHub, in `.shipguard/incidents/<id>.md`.",
    default: "false",
    commands: ["deploy", "rollback"],
    boolean: true,
  },
  {
    name: "incident",
    description:
      "`incident`: the `incident` output of a deploy or rollback step, recorded as its GitHub issue (the job needs `issues: write`).",
    commands: ["incident"],
  },
  {
    name: "ledger-file",
    description:
      "CLI: the local deployment ledger. Default: `.shipguard/deployments.jsonl` in the repository.",
    commands: ["deploy", "smoke", "rollback", "incident", "metrics"],
    cliOnly: true,
  },
  ...METRICS_OPTIONS,
  {
    name: "keep",
    description:
      "`demo`: leave the temporary folder (repository, ledger, releases, app log) for a look afterwards; the app server is stopped all the same.",
    default: "false",
    commands: ["demo"],
    boolean: true,
    cliOnly: true,
  },
];

export function optionsFor(command: CliCommandName): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands.includes(command) && o.name !== "command");
}
