import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/definitions/define-error.ts
function define(summary, build, fix) {
  return fix === void 0 ? { summary, build } : { summary, fix, build };
}

// src/definitions/errors/checks.ts
function at(p) {
  return `${p.source}: ${p.line > 0 ? `line ${p.line}: ` : ""}${p.owner}`;
}
function yamlProblem(p) {
  switch (p.reason) {
    case "syntax":
      return {
        message: `${p.source}: line ${p.line}: the checks are not valid YAML: ${p.detail}`,
        remedy: "Fix the YAML syntax at that line (indentation, quotes, a `:` after each key)."
      };
    case "aliases":
      return {
        message: `${p.source}: too many YAML aliases`,
        remedy: "Write the checks out instead of repeating them through more than 100 aliases."
      };
    case "key":
      return {
        message: `${p.source}: line ${p.line}: a key must be plain text`,
        remedy: "Use plain words as keys, such as `name:` or `http:`."
      };
  }
}
var CHECKS_ERRORS = {
  // Smoke checks (`checks` / `checks-file`).
  SG_CHECKS_YAML: define(
    "The smoke checks are not valid YAML (or repeat themselves through too many aliases).",
    (p) => ({ ...yamlProblem(p), input: p.source }),
    "Fix the YAML at the line the message names."
  ),
  SG_CHECKS_INVALID: define(
    "A smoke check or `settings:` value breaks a rule; the message names the source, line, check and key.",
    (p) => ({
      message: `${at(p)}: ${p.key === void 0 ? "" : `\`${p.key}\` `}${p.problem}`,
      remedy: p.fix,
      input: p.source
    }),
    "Change the value at the line the message names, as its fix says."
  ),
  SG_CHECKS_UNKNOWN_KEY: define(
    "A smoke check (or `settings:`) has a key shipguard does not know, often a typo.",
    (p) => ({
      message: `${at(p)}: unknown key \`${p.key}\``,
      remedy: `Remove \`${p.key}\` or use one of the keys of ${p.of}: ${p.allowed.join(", ")}.${p.suggestion === null ? "" : ` Did you mean \`${p.suggestion}\`?`}`,
      input: p.source
    }),
    "Correct the key (the message suggests the closest known one) or remove it."
  ),
  SG_CHECKS_VARIABLE_UNSET: define(
    "A smoke check uses `${NAME}`, and the step's environment has no such variable.",
    (p) => ({
      message: `${p.source}: check ${JSON.stringify(p.check)} uses \${${p.variable}}, which is not set`,
      remedy: `Provide ${p.variable} to the step (shipguard passes SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT), or write $\${${p.variable}} for the literal text.`,
      input: p.source,
      value: p.variable
    }),
    "Pass the variable to the step (`env:`), or write `$${` for a literal `${`."
  ),
  SG_SMOKE_VERSION_UNKNOWN: define(
    "`smoke` was given no `version`, the checks use `${SHIPGUARD_VERSION}`, and no deployed version could be found.",
    (p) => ({
      message: p.environment === null ? "The checks use ${SHIPGUARD_VERSION}, but `smoke` has no `version` and no `environment` to read the deployed version from" : `The checks use \${SHIPGUARD_VERSION}, but \`smoke\` has no \`version\` and ${p.ledger ?? "the ledger"} records no deployment to \`environment\` ${JSON.stringify(p.environment)}`,
      remedy: p.environment === null ? "Set `version` (the version the checks expect), or `environment` to use the version last deployed there." : `Set \`version\`, or deploy to ${JSON.stringify(p.environment)} first (is \`environment\` spelled as when deploying, and is it the same ledger?).`,
      input: "version"
    }),
    "Set `version`, or name the `environment` whose deployed version the checks should expect."
  )
};

// src/definitions/errors/deploy-loop.ts
var DEPLOY_LOOP_ERRORS = {
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
    },
    "Release the version first, and check out with `fetch-depth: 0` so tags are present."
  ),
  SG_REF_UNKNOWN: define(
    "The ref to deploy names no commit in the clone.",
    (p) => ({
      message: `The ref ${p.ref} does not name a commit in the clone.`,
      remedy: "Check the branch, tag or SHA, and fetch it (`fetch-depth: 0`) before deploying.",
      input: "ref",
      value: p.ref
    }),
    "Check the branch, tag or SHA, and fetch it before deploying."
  ),
  SG_WORKFLOW_NEEDS_GITHUB: define(
    "The `workflow` strategy was chosen where there is no GitHub.",
    (_) => ({
      message: "The `workflow` strategy dispatches a GitHub workflow and needs GitHub.",
      remedy: "Run it in the action, or on the CLI with --repo owner/name and GITHUB_TOKEN; locally, use `command` or `symlink`.",
      input: "strategy",
      value: "workflow"
    }),
    "Use `command` or `symlink` locally, or pass `--repo` with GITHUB_TOKEN."
  ),
  SG_CHECKS_FILE_UNREADABLE: define(
    "checks-file cannot be read.",
    (p) => ({
      message: `checks-file ${p.file} could not be read (${p.detail}).`,
      remedy: "Give a path relative to the repository (working-directory), committed in the checkout.",
      input: "checks-file",
      value: p.file
    }),
    "Give a path relative to `working-directory`, committed in the checkout."
  ),
  SG_MIGRATIONS_UNREADABLE: define(
    "The migration guard could not compare the two versions; it never passes blind.",
    (p) => ({
      message: `Could not compare ${p.from} and ${p.to} to look for database migrations (${p.detail}).`,
      remedy: "Check out with `fetch-depth: 0` so both commits are present; the migration guard never passes blind.",
      input: "migration-paths"
    }),
    "Check out with `fetch-depth: 0` so both commits are present."
  ),
  /* ------------------------------------------------ rollback guards (status: blocked) --------- */
  SG_NO_DEPLOYMENTS: define(
    "Blocked: the environment has no deployment recorded by shipguard, so there is nothing to roll back.",
    (p) => ({
      message: `${p.environment} has no deployment recorded by shipguard: there is nothing to roll back.`,
      remedy: "Check the environment name; deploy with shipguard first so deployments are recorded.",
      input: "environment",
      value: p.environment
    }),
    "Check the environment name; deploy with shipguard first."
  ),
  SG_NOT_VERIFIED_IN: define(
    "Blocked: the version to deploy is not verified in an environment require-verified-in names.",
    (p) => ({
      message: `${p.version} is not verified in ${p.missing.join(", ")}: ${p.environment} only receives versions already verified there. Nothing was deployed or recorded.`,
      remedy: `Deploy ${p.version} to ${p.first} and let its checks pass, then promote it here; if it cannot wait, deploy with force: true and a reason (the record says forced).`,
      input: "require-verified-in",
      value: p.missing.join(", ")
    }),
    "Deploy the version to the named environments first and let its checks pass; or force: true with a reason."
  ),
  SG_ROLLBACK_PENDING: define(
    "A rollback of the environment is queued or running: the deploy does not overtake it.",
    (p) => ({
      message: `A rollback of ${p.environment} is ${p.status.replace("_", " ")}: ${p.workflow}, ${p.url}. The deploy did not start, so it cannot cancel or undo it.`,
      remedy: "Let the rollback finish (or cancel that run if it is not wanted), then deploy again.",
      input: "environment",
      value: p.environment
    }),
    "Let the rollback finish (or cancel its run), then deploy again."
  ),
  SG_ROLLBACK_OF_ROLLBACK: define(
    "Blocked: what runs now is a rollback that did not succeed; shipguard does not roll back a rollback.",
    (p) => ({
      message: `The newest deployment of ${p.environment} (#${p.id}, ${p.version}) is a rollback that ended ${p.state}. shipguard does not roll back a rollback.`,
      remedy: "A human decides now: fix forward and deploy a new version, or start a rollback to a chosen to-version with force: true after checking the environment by hand.",
      input: "environment",
      value: p.environment
    }),
    "A human decides: fix forward, or a chosen `to-version` with `force: true`."
  ),
  SG_NOTHING_TO_ROLL_BACK_TO: define(
    "Blocked: no earlier deployment of the environment passed its checks (and was not rolled back from since).",
    (p) => ({
      message: `${p.environment} has no earlier deployment that passed its checks and was not rolled back from since: there is nothing older to roll back to.`,
      remedy: "Fix forward and deploy a new version; or name a version with to-version and force: true.",
      input: "to-version",
      value: ""
    }),
    "Fix forward; or name a `to-version` with `force: true`."
  ),
  SG_TARGET_NOT_VERIFIED: define(
    "Blocked: to-version never passed its checks in the environment, or was rolled back from since.",
    (p) => ({
      message: p.rolledBackFrom ? `${p.version} was rolled back from in ${p.environment} and has not passed its checks there since: shipguard will not roll back to it.` : `${p.version} never passed its checks in ${p.environment}: shipguard will not roll back to it.`,
      remedy: `Choose a version that was verified there (leave to-version empty for the last known good one), or set force: true to deploy ${p.version} anyway.`,
      input: "to-version",
      value: p.version
    }),
    "Leave `to-version` empty for the last known good version, or add `force: true`."
  ),
  SG_MIGRATIONS_BETWEEN: define(
    "Blocked: database migration files changed between the two versions.",
    (p) => ({
      message: `Rolling ${p.environment} back from ${p.from} to ${p.to} crosses database migrations:
${p.files.map((f) => `  - ${f}`).join("\n")}`,
      remedy: "Rolling the code back under a migrated schema can break the app or lose data. Roll forward with a fix instead; or, if the migrations are backward compatible, run the rollback again with allow-migrations: true.",
      input: "allow-migrations",
      value: "false"
    }),
    "Roll forward with a fix; if the migrations are backward compatible, `allow-migrations: true`."
  ),
  SG_BEFORE_ROLLBACK_FAILED: define(
    "Blocked: the before-rollback command failed, so nothing was rolled back.",
    (p) => ({
      message: `before-rollback failed (${p.failure}); nothing was rolled back.`,
      remedy: "Fix the before-rollback command (its last lines are above) and run the rollback again.",
      input: "before-rollback"
    }),
    "Fix the `before-rollback` command (its last lines are in the log) and run again."
  ),
  SG_DEMO_NEEDS_POSIX: define(
    "The demo runs on Linux or macOS only.",
    (_) => ({
      message: "The demo needs a POSIX system (a shell, symbolic links, signals).",
      remedy: "Run it on Linux or macOS, or in WSL."
    }),
    "Run the demo on Linux or macOS, or in WSL."
  )
};

// src/definitions/errors/files.ts
var lineList = (lines) => {
  const unique = [...new Set(lines)];
  if (unique.length === 1) return `on line ${unique[0]}`;
  return `on lines ${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
};
function found(problem) {
  switch (problem.kind) {
    case "unparsable":
      return `it is not valid ${problem.format} (line ${problem.line}: ${problem.detail})`;
    case "missing":
      return "found none";
    case "ambiguous":
      return `found ${problem.lines.length}, ${lineList(problem.lines)}, and cannot tell which one is the version`;
    case "not-a-string":
      return `found ${problem.found} on line ${problem.line}, not a plain version string`;
    case "unmarked":
      return `line ${problem.line} carries the marker x-shipguard-version but holds no SemVer version (x.y.z)`;
    case "elsewhere":
      return `the version is not kept in this file: line ${problem.line} says it comes from ${problem.source}`;
  }
}
function remedy(file, problem) {
  const drop = `remove ${file} from version-files`;
  switch (problem.kind) {
    case "unparsable":
      return `Fix the file's syntax at that line, or ${drop}.`;
    case "missing":
      return `Add the version where it is expected, or ${drop}.`;
    case "ambiguous":
      return `Keep the version in one place only, or ${drop}.`;
    case "not-a-string":
      return `Write the version there as a literal string (for example "1.2.3"), or ${drop}.`;
    case "unmarked":
      return "Put the version (x.y.z) on the same line as the marker, or remove the marker from that line.";
    case "elsewhere":
      return `${problem.instead.charAt(0).toUpperCase()}${problem.instead.slice(1)}, and ${drop}; or keep the version in ${file} itself.`;
  }
}
var FILES_ERRORS = {
  SG_VERSION_FILE: define(
    "A file of version-files does not hold its version exactly once where its format keeps it (missing, twice, not a string, or kept elsewhere); no file was written.",
    (p) => ({
      message: `Cannot set the version in ${p.file}: expected ${p.expected}; ${found(p.problem)}. No file was written.`,
      remedy: remedy(p.file, p.problem),
      input: "version-files",
      value: p.file
    }),
    "Keep the version exactly once where the file's format keeps it, or remove the file from `version-files`."
  ),
  SG_VERSION_FILE_NOT_FOUND: define(
    "A file of version-files is not in the analysed commit; no file was written.",
    (p) => ({
      message: `${p.setting} names ${p.file}, which is not a file in the analysed commit ${p.commit.slice(0, 12)}. No file was written.`,
      remedy: `Commit ${p.file} first, or correct the path in ${p.setting} (in a monorepo it is relative to the package's folder).`,
      input: p.setting,
      value: p.file
    }),
    "Commit the file, or correct its path (relative to the package's folder in a monorepo)."
  ),
  SG_FILE_NOT_UTF8: define(
    "A file the release would edit (a version file, a lockfile, a manifest, the changelog) is not UTF-8 text: writing it back would change its other bytes; no file was written.",
    (p) => ({
      message: `Cannot edit ${p.file}: it is not UTF-8 text (line ${p.line} in ${p.commit.slice(0, 12)} holds bytes that are not UTF-8, for example Latin-1's \xE9), and shipguard writes the files it edits as UTF-8, which would change those bytes. No file was written.`,
      remedy: `Save ${p.file} as UTF-8 and commit it (in a gradle.properties, which Java reads as ISO-8859-1, write non-ASCII characters as \\uXXXX escapes: an ASCII file reads the same both ways), or leave it out of version-files and changelog-file.`,
      value: p.file
    }),
    "Save the file as UTF-8 (in gradle.properties, write non-ASCII characters as `\\uXXXX` escapes), or leave it out of the release's files."
  ),
  SG_WORKTREE_CHANGED: define(
    "`release` on the CLI with version files or a changelog: the working tree or the branch is not as the analysed commit left it, so the release commit is not made; nothing was written.",
    (p) => ({
      message: `Cannot make the release commit on ${p.branch} on top of ${p.parent.slice(0, 12)}: ${p.problem} Nothing was written.`,
      remedy: "Commit or discard the changes to the files the release writes (`git status`), check out the branch at the analysed commit, and run `release` again."
    }),
    "Commit or discard the local changes to the release's files, and run again on the branch's tip."
  )
};

// src/settings/options-metrics.ts
var METRICS_OPTIONS = [
  {
    name: "since",
    description: "`metrics`: where the window starts (included): a duration back from `until` (`30d`, `12h`, `2w`) or a date (`2026-11-01`, or `2026-11-01T09:00:00Z` with its zone); at most ten years before `until`.",
    default: "30d",
    commands: ["metrics"]
  },
  {
    name: "until",
    description: "`metrics`: where the window ends (excluded): a date (`2026-12-01`, or a date and time with its zone). Default: now.",
    commands: ["metrics"]
  },
  {
    name: "recovery-target",
    description: "`metrics`: a recovery target (RTO) such as `15m`, `4h` or `1d`: the report gives the share of recoveries within it.",
    commands: ["metrics"]
  },
  {
    name: "format",
    description: "`metrics`: `text` (tables) or `csv` (one row per deployment of the window with its computed fields, on stdout).",
    default: "text",
    commands: ["metrics"],
    cliOnly: true
  }
];

// src/settings/release-file-options.ts
var RELEASE_FILE_OPTIONS = [
  {
    name: "version-files",
    description: "Files whose version `release` sets to the new one, comma-separated or one per line (`package.json, Chart.yaml`): package.json (and the package-lock.json or npm-shrinkwrap.json next to it), pyproject.toml (and its uv.lock entry), Cargo.toml (and its Cargo.lock entry), Chart.yaml, pom.xml, build.gradle(.kts), gradle.properties, VERSION, version.txt; in any other file, each line marked `x-shipguard-version`. In a monorepo, per package and relative to its folder. With version files or a changelog, a release is one commit `chore(release): <version>`, then the tag on it.",
    commands: ["release"]
  },
  {
    name: "changelog-file",
    description: "The changelog `release` adds the release's notes to, above the previous release (`CHANGELOG.md`); made with a `# Changelog` title when missing. In a monorepo, per package and relative to its folder.",
    commands: ["release"]
  },
  {
    name: "chart-app-version",
    description: "In a `Chart.yaml` of version-files, set `appVersion` to the new version too.",
    default: "false",
    commands: ["release"],
    boolean: true
  },
  {
    name: "bump-dependents",
    description: "In a monorepo of npm, pnpm or yarn workspaces or a Cargo workspace: when a package is released, every configured package whose manifest depends on it gets its range updated (`^`, `~` or exact kept; `workspace:` ranges, and Cargo `path`-only or `workspace = true` dependencies, as they are; the root Cargo.toml's `[workspace.dependencies]` ranges too) and at least a patch release with a Dependencies section, transitively.",
    default: "true",
    commands: ["version", "release"],
    boolean: true
  },
  {
    name: "release-mode",
    description: "`release`: `direct` tags and releases the analysed commit; `pull-request` opens (and keeps up to date) one release pull request to the branch with the version files and changelog, and tags and releases once it is merged. Needs GitHub: `contents: write` and `pull-requests: write`.",
    default: "direct",
    commands: ["release"]
  }
];

// src/settings/options.ts
var COMMANDS = ["version", "release", "deploy", "smoke", "rollback", "incident", "metrics"];
var CLI_COMMANDS = [...COMMANDS, "demo"];
var ALL = COMMANDS;
var ANNOUNCING = ["release", "deploy", "rollback"];
var VERSIONING = ["version", "release"];
var OPTIONS = [
  {
    name: "command",
    description: "The job to run: `version`, `release`, `deploy`, `smoke`, `rollback`, `incident` (records an incident another step reported), or `metrics` (delivery metrics from the deployment records).",
    default: "version",
    actionDefault: "version",
    commands: ALL,
    actionOnly: true
  },
  {
    name: "working-directory",
    description: "The git repository to read, relative to the workspace.",
    default: ".",
    commands: ALL,
    alias: "cwd"
  },
  {
    name: "config-file",
    description: "The settings file, relative to working-directory: any input by its name, plus `packages` (monorepos). A missing file at the default path is fine; a named file that is missing is an error. An input given (not empty) wins over the file, and the file over the default.",
    default: ".github/shipguard.yml",
    commands: ALL
  },
  {
    name: "tag-prefix",
    description: "What stands before the version in a tag name: `v` gives `v1.2.3`; `release/v` and `pkg@` work too. `deploy` and `rollback` find a version's tag with it.",
    default: "v",
    commands: [...VERSIONING, "deploy", "rollback"]
  },
  {
    name: "release-rules",
    description: "Overrides of the bump per commit type and optionally scope, one per line or comma-separated: `docs(readme)=patch`, `refactor=minor`, `chore=none`; `*=patch` gives every type no other rule or default names a patch. Defaults: breaking = major, `feat` = minor, `fix` and `perf` = patch, others none.",
    commands: VERSIONING
  },
  {
    name: "squash-bullets",
    description: "How `* type: ...` bullets in a squash-merge body count: `never` (the title decides, as in the field: a title that is not a Conventional Commit is the maintainers' choice not to release), `fallback` (only when the title is not a Conventional Commit) or `always` (next to the title). Breaking-change notes count wherever they are.",
    default: "never",
    commands: VERSIONING
  },
  {
    name: "initial-version",
    description: "The first version, when no tag of the prefix exists yet and a commit calls for a release.",
    default: "1.0.0",
    commands: VERSIONING
  },
  {
    name: "major-zero-breaking",
    description: "What a breaking change bumps while the major version is 0: `minor` (SemVer's 0.x convention) or `major`.",
    default: "minor",
    commands: VERSIONING
  },
  {
    name: "prerelease",
    description: "A prerelease identifier such as `rc`: gives `1.3.0-rc.1`, then `1.3.0-rc.2` while the stable base is unchanged.",
    commands: VERSIONING
  },
  {
    name: "prerelease-branches",
    description: "Branch-to-identifier map that picks the prerelease identifier from the current branch: `next=rc, beta=beta`.",
    commands: VERSIONING
  },
  {
    name: "build-metadata",
    description: "SemVer build metadata appended to the version and tag as `+<value>`.",
    commands: VERSIONING
  },
  {
    name: "maintenance-branches",
    description: "Globs of maintenance branches, comma-separated (`hotfix/*, release/*, 1.x, 1.2.x`). On such a branch a release stays on the line of its last tag: below the next existing tag above it, patches only on `N.N.x`, minors and patches on `N.x`; a bump that would leave the line is refused. A maintenance release is never marked latest.",
    commands: VERSIONING
  },
  {
    name: "package",
    description: "`version` in a monorepo: print exactly the single-package output for this package path (`packages/api`).",
    commands: ["version"],
    cliOnly: true
  },
  {
    name: "fetch-history",
    description: "Deepen a shallow clone and fetch tags from `origin` before reading history (`git fetch --unshallow --tags`). With `false`, a shallow clone is an error.",
    default: "true",
    commands: VERSIONING,
    boolean: true
  },
  {
    name: "token",
    description: "The GitHub token for API calls. Needs `contents: write` to release. The CLI reads GITHUB_TOKEN from the environment instead.",
    actionDefault: "${{ github.token }}",
    commands: ["release", "deploy", "smoke", "rollback", "incident", "metrics"],
    actionOnly: true
  },
  {
    name: "repository",
    description: "The GitHub repository to work on, `owner/name`: where `release` tags and publishes, and where `deploy` and `rollback` record deployments and dispatch workflows. In the action: the workflow's repository. In the CLI: set it (with GITHUB_TOKEN in the environment) to work on GitHub instead of locally.",
    actionDefault: "${{ github.repository }}",
    commands: ["release", "deploy", "smoke", "rollback", "incident", "metrics"],
    help: {
      metrics: "Read the GitHub Deployments of `owner/name` (GITHUB_TOKEN with `deployments: read`) instead of the local ledger."
    },
    alias: "repo"
  },
  {
    name: "dry-run",
    description: "Compute and report everything, write nothing.",
    default: "false",
    commands: ["release"],
    boolean: true
  },
  {
    name: "floating-tags",
    description: "Move floating tags to a stable release: `major` moves `v1`, `major-minor` moves `v1` and `v1.2`, `none` moves nothing. Only forward: a maintenance release of an older line leaves them.",
    default: "none",
    commands: ["release"]
  },
  {
    name: "latest-package",
    description: "`release` in a monorepo: the path of the package whose release may be marked latest (`packages/api`). Default: the root package `.`; every other package's release is never latest.",
    commands: ["release"]
  },
  ...RELEASE_FILE_OPTIONS,
  {
    name: "push",
    description: "Push the new tag to `origin` (CLI, local mode).",
    default: "false",
    commands: ["release"],
    boolean: true,
    cliOnly: true
  },
  {
    name: "notes-file",
    description: "Write the release notes to this file instead of stdout (CLI, local mode).",
    commands: ["release"],
    cliOnly: true
  },
  {
    name: "environment",
    description: "The environment to deploy to, smoke-check or roll back (`production`, `staging`). `metrics`: the one environment to report (default: every environment); names compare without case.",
    commands: ["deploy", "smoke", "rollback", "metrics"],
    help: {
      metrics: "The one environment to report (default: every environment); names compare without case."
    }
  },
  {
    name: "version",
    description: "`deploy`: the SemVer version to deploy (`1.4.2` or `v1.4.2`); its tag (tag-prefix + version) must exist as written. `smoke`: the version `${SHIPGUARD_VERSION}` stands for in the checks; default: the version last deployed to `environment` (from the ledger).",
    commands: ["deploy", "smoke"]
  },
  {
    name: "ref",
    description: "`deploy`: a git ref (branch, tag or SHA) to deploy instead of a version; recorded by its SHA.",
    commands: ["deploy"]
  },
  {
    name: "strategy",
    description: "How to deploy: `command` (deploy-command), `workflow` (dispatch deploy-workflow and wait) or `symlink` (releases folder and an atomic `current` switch).",
    default: "command",
    commands: ["deploy", "rollback"]
  },
  {
    name: "deploy-command",
    description: '`command` strategy: the shell command that deploys. It gets SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT and SHIPGUARD_PREVIOUS_VERSION in its environment: use them as `"$SHIPGUARD_VERSION"`, never as workflow expressions written into the string.',
    commands: ["deploy", "rollback"]
  },
  {
    name: "prepare-command",
    description: "Runs before the switch while the old version still serves (pull images, stage files), with the same variables. `symlink`: runs inside the new release folder.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "deploy-timeout-minutes",
    description: "How long a deploy (command, workflow run, restart) may take before it counts as failed.",
    default: "30",
    commands: ["deploy", "rollback"]
  },
  {
    name: "deploy-workflow",
    description: "`workflow` strategy: the workflow file to dispatch (`deploy-app.yml`). It receives the inputs `version`, `tag`, `sha`, `environment` and `correlation-id`, and should show the correlation id in its `run-name`.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "workflow-ref",
    description: "The branch or tag the dispatched workflows run on. Default: the repository's default branch.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "workflow-inputs",
    description: "`workflow` strategy: extra inputs for the deploy workflow, one `name=value` per line.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "release-source",
    description: "`symlink` strategy: the folder to copy into `releases-dir/<version>`; `${SHIPGUARD_VERSION}` is expanded (`build/${SHIPGUARD_VERSION}`).",
    commands: ["deploy", "rollback"]
  },
  {
    name: "releases-dir",
    description: "`symlink` strategy: where versions live side by side; `current` is a link next to it.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "current-link",
    description: "`symlink` strategy: the link switched atomically. Default: `current` next to releases-dir.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "keep-releases",
    description: "`symlink` strategy: how many releases to keep; the current and the last known good one are never deleted.",
    default: "3",
    commands: ["deploy", "rollback"]
  },
  {
    name: "restart-command",
    description: "`symlink` strategy: runs after the switch (restart or reload the service), with the same variables.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "checks",
    description: "Smoke checks, YAML: `settings:` and `checks:` (http, prometheus, command), or a bare list. See the README.",
    commands: ["deploy", "smoke", "rollback"]
  },
  {
    name: "checks-file",
    description: "A file holding the smoke checks, instead of `checks`.",
    commands: ["deploy", "smoke", "rollback"]
  },
  {
    name: "environment-url",
    description: "The URL of the deployed environment, shown on the deployment: an absolute http(s) URL such as `https://app.example.com`.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "require-verified-in",
    description: "`deploy`: environments (comma-separated) where this version (the same tag at the same commit) must already be verified (its newest deployment there passed its checks and was not rolled back from) before it may deploy here, e.g. `staging`. Otherwise the deploy stops before anything happens, with status `blocked`.",
    commands: ["deploy"]
  },
  {
    name: "traffic-steps",
    description: "`deploy`, `command` strategy: a canary in steps of traffic, percentages ending at 100 (`10, 50, 100`). Each step runs deploy-command with SHIPGUARD_TRAFFIC_PERCENT, then the checks; a failing step sets it to 0 and fails the deploy.",
    commands: ["deploy"]
  },
  {
    name: "on-failure",
    description: "`deploy`: what a failed deploy or failed checks do: `rollback` dispatches rollback-workflow to the last known good version (in the CLI: rolls back in the same process), `none` only fails.",
    default: "rollback",
    commands: ["deploy"]
  },
  {
    name: "rollback-workflow",
    description: "`deploy`: the workflow file in this repository that on-failure dispatches (it declares the rollback inputs).",
    default: "rollback.yml",
    commands: ["deploy"]
  },
  {
    name: "to-version",
    description: "`rollback`: the version to go back to. Default: the last known good version of the environment.",
    commands: ["rollback"]
  },
  {
    name: "from-version",
    description: "`rollback`: the version being rolled back from (informational; the dispatch fills it in).",
    commands: ["rollback"]
  },
  {
    name: "reason",
    description: "`rollback`: why (shown in the record and the incident report). Required for a manual rollback. `deploy`: why `force` overrides require-verified-in (required with it).",
    commands: ["deploy", "rollback"]
  },
  {
    name: "correlation-id",
    description: "`deploy` and `rollback`: the id of this attempt; the same id twice does the work once.",
    commands: ["deploy", "rollback"]
  },
  {
    name: "force",
    description: "`rollback`: allow a to-version that never deployed successfully in this environment. `deploy`: deploy although require-verified-in is not met (with a `reason`; the record says so).",
    default: "false",
    commands: ["deploy", "rollback"],
    help: {
      rollback: "Go through two guards: roll back to a --to-version that never passed its checks here (or was rolled back from since; its tag must exist), and roll back although the newest deployment is a rollback that did not succeed. The other guards (migrations, before-rollback) still hold.",
      deploy: "Deploy although require-verified-in is not met; needs --reason, and the record and summary say it was forced."
    },
    boolean: true
  },
  {
    name: "allow-migrations",
    description: "`rollback`: roll back even when files under migration-paths changed between the two versions.",
    default: "false",
    commands: ["rollback"],
    boolean: true
  },
  {
    name: "migration-paths",
    description: "`rollback`: globs of database migration files, one per line; a change there blocks an automatic rollback.",
    default: "migrations/**\ndb/migrate/**\n**/migrations/**",
    commands: ["rollback"]
  },
  {
    name: "before-rollback",
    description: "`rollback`: a command run before the rollback (maintenance mode, a backup), with the deploy variables.",
    commands: ["rollback"]
  },
  {
    name: "after-rollback",
    description: "`rollback`: a command run after the rollback (notify), with the deploy variables and SHIPGUARD_ROLLBACK_STATUS.",
    commands: ["rollback"]
  },
  {
    name: "notify-url",
    description: "Webhook URLs told about each event in notify-on, one per line (`metrics`: sent the `metrics` event, the weekly digest). Secrets: pass them from `secrets.*`; they are masked and never printed. `https://` only (`http://` for loopback).",
    commands: [...ANNOUNCING, "metrics"],
    secret: true
  },
  {
    name: "notify-format",
    description: "The body the webhooks receive: `json` (shipguard's versioned event), `slack` (also Mattermost and Rocket.Chat) or `teams` (an Adaptive Card for a Teams workflow webhook).",
    default: "json",
    commands: [...ANNOUNCING, "metrics"]
  },
  {
    name: "notify-on",
    description: "Which events notify-url hears about, comma-separated: `released`, `deployed`, `verify-failed`, `rolled-back`, `rollback-failed`, `blocked`, `cancelled`, or `all`. Default: `released` for `release`; `verify-failed, rolled-back, rollback-failed, blocked, cancelled` (what needs a person) for `deploy` and `rollback`.",
    commands: ANNOUNCING
  },
  {
    name: "incident-issue",
    description: "`deploy` and `rollback`: record each rollback incident (automatic, failed or blocked) in one GitHub issue per correlation id, labelled `shipguard:incident` (needs `issues: write`); in the CLI without GitHub, in `.shipguard/incidents/<id>.md`.",
    default: "false",
    commands: ["deploy", "rollback"],
    boolean: true
  },
  {
    name: "incident",
    description: "`incident`: the `incident` output of a deploy or rollback step, recorded as its GitHub issue (the job needs `issues: write`).",
    commands: ["incident"]
  },
  {
    name: "ledger-file",
    description: "CLI: the local deployment ledger. Default: `.shipguard/deployments.jsonl` in the repository.",
    commands: ["deploy", "smoke", "rollback", "incident", "metrics"],
    cliOnly: true
  },
  ...METRICS_OPTIONS,
  {
    name: "keep",
    description: "`demo`: leave the temporary folder (repository, ledger, releases, app log) for a look afterwards; the app server is stopped all the same.",
    default: "false",
    commands: ["demo"],
    boolean: true,
    cliOnly: true
  }
];
function optionsFor(command) {
  return OPTIONS.filter((o) => o.commands.includes(command) && o.name !== "command");
}

// src/definitions/errors/general.ts
function whereToSet(input) {
  const spec = OPTIONS.find((o) => o.name === input);
  if (spec === void 0) return `\`${input}\``;
  if (spec.actionOnly) return `the action input \`${input}\``;
  if (spec.cliOnly) return `the CLI flag \`--${input}\``;
  return `the action input \`${input}\` (CLI flag \`--${input}\`)`;
}
var GENERAL_ERRORS = {
  SG_INPUT_INVALID: define(
    "An input (or CLI flag) has a value shipguard cannot use; the message names it and what it expects.",
    (p) => ({
      message: `Invalid ${p.input}: ${JSON.stringify(p.value)}. ${p.expected}`,
      remedy: p.remedy ?? `Correct ${whereToSet(p.input)} as the message says.`,
      input: p.input,
      value: p.value
    }),
    "Give the input a value of the kind the message names."
  ),
  SG_INPUTS_CONFLICT: define(
    "Two inputs that exclude each other were both given.",
    (p) => ({
      message: `Set exactly one of \`${p.first}\` and \`${p.second}\`; both were given (${p.first} ${JSON.stringify(p.firstValue)}, ${p.second} ${JSON.stringify(p.secondValue)}).`,
      remedy: `Keep one and remove the other: ${whereToSet(p.first)} or ${whereToSet(p.second)}.`,
      input: p.second,
      value: p.secondValue
    }),
    "Keep one of the two inputs the message names and remove the other."
  ),
  SG_TOKEN_MISSING: define(
    "A command that writes to GitHub was given no token.",
    (p) => ({
      message: p.cli ? `\`${p.command}\` with --repo works on GitHub, which needs a token, and GITHUB_TOKEN is not set.` : `The ${p.command} command writes to GitHub and needs a token; none was given.`,
      remedy: p.cli ? `Export GITHUB_TOKEN (a token with ${p.permissions} on the repository), or drop --repo to work locally.` : `Leave the \`token\` input at its default (\`\${{ github.token }}\`) or pass one, with ${p.permissions} granted to the job.`,
      input: p.cli ? "repository" : "token"
    }),
    "Keep the `token` input at its default, or export GITHUB_TOKEN for the CLI."
  ),
  /* ------------------------------------------------ the command line ------------------------ */
  SG_UNKNOWN_COMMAND: define(
    "The CLI was given a command it does not have.",
    (p) => ({
      message: `Unknown command ${JSON.stringify(p.command)}.`,
      remedy: `Use one of: ${p.known}. Run \`shipguard --help\` for more.`
    }),
    "Run `shipguard --help` for the commands."
  ),
  SG_UNKNOWN_FLAG: define(
    "The CLI was given a flag the command does not take.",
    (p) => ({
      message: `Unknown flag --${p.flag}${p.command ? ` for \`${p.command}\`` : ""}.`,
      remedy: `Run \`shipguard ${p.command === null ? "" : `${p.command} `}--help\` for the flags it takes.`
    }),
    "Run `shipguard <command> --help` for the flags it takes."
  ),
  SG_FLAG_VALUE_MISSING: define(
    "A CLI flag that takes a value was given none.",
    (p) => ({
      message: `Flag --${p.flag} needs a value.`,
      remedy: `Write --${p.flag} <value> or --${p.flag}=<value>.`
    }),
    "Write `--name value` or `--name=value`."
  ),
  SG_UNEXPECTED_ARGUMENT: define(
    "The CLI was given a word that is neither a command nor a flag.",
    (p) => ({
      message: `Unexpected argument ${JSON.stringify(p.argument)}.`,
      remedy: "Flags take the form --name value. Run `shipguard --help`."
    }),
    "Give every value after its flag: `--name value`."
  ),
  SG_INTERNAL: define(
    "Something shipguard did not expect; the message has the stack. Please report it.",
    (p) => ({
      message: `shipguard failed unexpectedly: ${p.detail}`,
      remedy: "Re-run with --verbose (or ACTIONS_STEP_DEBUG) and open an issue with the log."
    }),
    "Re-run with --verbose and open an issue with the log."
  )
};

// src/definitions/errors/github.ts
function answered(p) {
  const where = p.request === "" ? "" : ` (${p.request})`;
  return `Could not ${p.doing}: GitHub answered ${p.status ?? "no answer"}${where}: ${p.said}`;
}
var RERUN_SAFE = "shipguard finishes what is missing without duplicating.";
function dispatchProblem(p) {
  switch (p.reason) {
    case "workflow-name":
      return {
        problem: `${JSON.stringify(p.workflow)} is not a workflow file name.`,
        remedy: "Name the workflow by its file name in .github/workflows/, e.g. `deploy.yml`."
      };
    case "ref":
      return {
        problem: `the ref ${JSON.stringify(p.ref)} is not a branch or tag name (GitHub dispatches on a branch or tag, never a commit).`,
        remedy: "Dispatch on the default branch or a tag."
      };
    case "too-many-inputs":
      return {
        problem: `${p.count} inputs, GitHub takes at most ${p.max}.`,
        remedy: "Send fewer extra inputs (combine them into one JSON input)."
      };
    case "inputs-too-long":
      return {
        problem: `the inputs are longer than GitHub's ${p.max} characters.`,
        remedy: "Send shorter inputs."
      };
    case "no-correlation-id":
      return {
        problem: "the correlation id is not among the inputs.",
        remedy: "Pass the correlation id as an input (`correlation-id`) and show it in the workflow's run-name."
      };
  }
}
var GITHUB_ERRORS = {
  // GitHub's answers.
  SG_GITHUB_UNAUTHORIZED: define(
    "GitHub rejected the token (401): missing, expired or revoked.",
    (p) => ({
      message: answered(p),
      remedy: "The token is missing, expired or revoked. Pass a valid token in the `token` input (default: github.token)."
    }),
    "Pass a valid token in `token` (the default `github.token` is one)."
  ),
  SG_GITHUB_FORBIDDEN: define(
    "The token lacks a permission the call needs (403 `Resource not accessible by integration`).",
    (p) => ({
      message: answered(p),
      remedy: `The token lacks the \`${p.scope}\` permission${p.neededBy === void 0 ? "" : `, which ${p.neededBy} needs`}. Grant it in the job's \`permissions:\` block (\`${p.scope}\`), or pass a token that has it.`
    }),
    "Grant the named permission in the job's `permissions:` block (and in the calling job)."
  ),
  SG_GITHUB_ISSUES_DISABLED: define(
    "The repository has Issues turned off (410, or 404 to a list where the repository says `has_issues: false`), so an incident could not be recorded as an issue.",
    (p) => ({
      message: answered(p),
      remedy: "shipguard records each incident as an issue labelled `shipguard:incident`, and this repository has Issues turned off. Turn them on in the repository's Settings > General > Features; later incidents are then recorded."
    }),
    "Turn Issues on in the repository's settings."
  ),
  SG_GITHUB_REF_REFUSED: define(
    "GitHub refused to create or move a ref (403): the token lacks `contents: write`, or the commit's .github/workflows/ differ from the default branch's, which a GITHUB_TOKEN may never write.",
    (p) => {
      const workflows = "The commit's .github/workflows/ differ from the default branch's, and GitHub lets a ref point there only with the Workflows permission, which a GITHUB_TOKEN can never hold. Pass a GitHub App installation token with the Workflows permission, or a token with the `workflow` scope, as `token`; or release a commit whose workflows match the default branch.";
      const shown = p.tokenWrote === void 0 ? "" : `Not a missing permission: this token had just created ${p.tokenWrote}, so it can write contents. `;
      return {
        message: answered(p),
        remedy: p.cause === "workflows" ? `${shown}${workflows}` : `GitHub gives the same answer for two causes. Either the token lacks \`contents: write\`: grant it in the job's \`permissions:\` block (and in the calling job). Or, with \`contents: write\` already granted: ${workflows}`
      };
    },
    "Grant `contents: write`; if it is granted, the commit changes workflows: use an App token or a `workflow`-scope token, or release a commit whose workflows match the default branch."
  ),
  SG_GITHUB_NOT_FOUND: define(
    "GitHub answered 404: a wrong repository, a token that cannot see it, or a change to workflow files.",
    (p) => ({
      message: answered(p),
      remedy: `Check the repository name and that the token can see it and has \`${p.scope}\`. If the commit changes .github/workflows/, the token also needs the \`workflows\` permission (a GITHUB_TOKEN never has it: use a GitHub App token or a PAT with the workflow scope).`
    }),
    "Check the repository and the token's access; workflow-file changes need an App token or PAT."
  ),
  SG_GITHUB_RATE_LIMITED: define(
    "GitHub's rate limit was still in force after shipguard's retries.",
    (p) => ({
      message: answered(p),
      remedy: `GitHub's rate limit was still in force after the retries. Re-run the job later; ${RERUN_SAFE}`
    }),
    "Re-run the job later; re-running is safe."
  ),
  SG_GITHUB_UNAVAILABLE: define(
    "GitHub kept failing (5xx) after shipguard's retries.",
    (p) => ({
      message: answered(p),
      remedy: `GitHub kept failing after the retries. Re-run the job: ${RERUN_SAFE}`
    }),
    "Re-run the job; re-running is safe."
  ),
  SG_GITHUB_RULESET: define(
    "A repository ruleset blocks the tag or ref (GH013), and github-actions[bot] cannot bypass rulesets.",
    (p) => ({
      message: answered(p),
      remedy: "A repository ruleset blocks this ref, and github-actions[bot] cannot bypass rulesets. Use a GitHub App token (actions/create-github-app-token) whose app is on the ruleset's bypass list, and pass it as `token`."
    }),
    "Use a GitHub App token on the ruleset's bypass list, passed as `token`."
  ),
  SG_TAG_BURNED: define(
    "An immutable release used this tag name once, so it can never be used again.",
    (p) => ({
      message: answered(p),
      remedy: "An immutable release burned this tag name: it can never be used again, even though the tag is gone. Release the next version instead: push a commit with a `Release-As: <a higher version>` footer."
    }),
    "Release the next version (a `Release-As:` footer with a higher version)."
  ),
  SG_GITHUB_REFUSED: define(
    "GitHub refused a call for a reason without a code of its own; the message has GitHub's words.",
    (p) => ({
      message: answered(p),
      remedy: "See GitHub's message above. Re-running is safe: shipguard reconciles what already exists."
    }),
    "Act on GitHub's message; re-running is safe."
  ),
  // GitHub deployments.
  SG_DEPLOYMENT_AUTO_MERGED: define(
    "GitHub merged the default branch into the deployed branch (202) instead of creating a deployment.",
    (p) => ({
      message: `Could not ${p.doing}: GitHub answered 202 (auto-merge): ${p.said ?? "the base branch was merged into the ref"}. No deployment was created.`,
      remedy: `shipguard sends \`auto_merge: false\`, yet GitHub merged the default branch into ${p.ref} (a branch behind its base, or a server or proxy that dropped the field). Bring the branch up to date with its base, or deploy a tag or commit SHA, then deploy again; nothing was recorded, so re-running is safe.`
    }),
    "Bring the branch up to date with its base, or deploy a tag or commit SHA."
  ),
  SG_DEPLOYMENT_MERGE_CONFLICT: define(
    "GitHub tried to merge the default branch into the deployed branch and hit a conflict (409).",
    (p) => ({
      message: `${answered(p)} (a merge conflict: no deployment was created)`,
      remedy: "GitHub tried to merge the default branch into the deployed ref and hit a conflict. shipguard sends `auto_merge: false`, so the ref was a branch behind its base on a server that merged anyway: resolve the conflict (merge or rebase the branch onto its base) or deploy a tag or commit SHA, then deploy again."
    }),
    "Resolve the conflict, or deploy a tag or commit SHA."
  ),
  SG_DEPLOYMENT_CHECKS_FAILED: define(
    "GitHub refused the deployment because required status checks of the commit failed (422).",
    (p) => ({
      message: `${answered(p)} (required status checks failed: ${p.contexts.length > 0 ? p.contexts.join(", ") : "(GitHub did not name them)"})`,
      remedy: `GitHub refuses to deploy a commit whose required status checks are not green. shipguard sends \`required_contexts: []\`, so the server or a proxy required them anyway: make ${p.contexts.length > 0 ? p.contexts.join(", ") : "the failing checks"} pass on that commit (fix or re-run them), then deploy again. No deployment was created.`
    }),
    "Make the named checks pass on that commit, then deploy again."
  ),
  SG_DEPLOYMENT_COMMIT_MISSING: define(
    "GitHub does not have the commit to deploy (422 `No ref found`).",
    (p) => ({
      message: answered(p),
      remedy: "GitHub does not have the commit to deploy. Push the commit (and its tag) to GitHub before deploying it."
    }),
    "Push the commit and its tag to GitHub, then deploy."
  ),
  // Workflow dispatches (the `workflow` strategy and rollbacks).
  SG_DISPATCH_INVALID: define(
    "A workflow dispatch is malformed before it is sent (workflow name, ref, or inputs).",
    (p) => {
      const { problem, remedy: remedy2 } = dispatchProblem(p);
      return { message: `Cannot dispatch ${p.workflow}: ${problem}`, remedy: remedy2 };
    },
    "Name the workflow by its file name, dispatch on a branch or tag, send fewer or shorter inputs."
  ),
  SG_WORKFLOW_NOT_FOUND: define(
    "The workflow to dispatch does not exist on the repository's default branch (404).",
    (p) => {
      const file = `.github/workflows/${p.workflow}`;
      return {
        message: `Could not dispatch ${p.workflow}: GitHub answered 404: the workflow file ${file} does not exist on the default branch of ${p.repository}.`,
        remedy: `Commit ${file}, with an \`on: workflow_dispatch\` trigger declaring the inputs ${p.inputs.join(", ")}, to the default branch: GitHub only dispatches workflows it finds there (the run itself uses the file on ${p.ref}). Also check the repository name and that the token can see it.`
      };
    },
    "Commit the workflow, with its `workflow_dispatch` inputs, to the default branch."
  ),
  SG_WORKFLOW_INPUTS_REFUSED: define(
    "GitHub refused a dispatch (400/422): the workflow does not declare an input, or a value is not allowed.",
    (p) => ({
      message: `GitHub refused to dispatch ${p.workflow} on ${p.ref} (${p.status}): ${p.said}`,
      remedy: `Make .github/workflows/${p.workflow} declare every input shipguard sends (${p.inputs.join(", ")}) under \`on.workflow_dispatch.inputs\`, with types and choices that accept the values; the ref ${p.ref} must be an existing branch or tag.`
    }),
    "Declare every input shipguard sends under `on.workflow_dispatch.inputs`, with values it accepts."
  ),
  SG_WORKFLOW_INPUTS_RESERVED: define(
    "The extra inputs of the deploy workflow reuse a name shipguard fills in itself.",
    (p) => ({
      message: `The extra inputs of the deploy workflow reuse names shipguard sends itself: ${p.clashes.join(", ")}.`,
      remedy: `Rename them: ${p.reserved.join(", ")} are filled in by shipguard.`,
      input: "workflow-inputs"
    }),
    "Rename the extra inputs in `workflow-inputs`."
  ),
  SG_WAIT_CANCELLED: define(
    "The step was cancelled while waiting for a dispatched run; the run itself goes on.",
    (p) => ({
      message: `Stopped waiting for the run ${p.run}: the step was cancelled.`,
      remedy: "The run itself goes on; see it in the Actions tab."
    }),
    "See the run in the Actions tab."
  )
};

// src/definitions/errors/github-writes.ts
var GITHUB_WRITE_ERRORS = {
  SG_BRANCH_PROTECTED: define(
    "GitHub refused to move a protected branch (branch protection or a ruleset requires pull requests), so the release's files could not be committed on it.",
    (p) => ({
      message: `${answered(p)}. The branch ${p.branch} is protected: changes must reach it through a pull request.`,
      remedy: `Set \`release-mode: pull-request\`: shipguard then commits the version files and changelog on \`shipguard/release/${p.branch}\` and opens a pull request to ${p.branch}, and releases once it is merged. (Or let the token bypass the rule: a GitHub App token on the bypass list, passed as \`token\`.)`,
      input: "release-mode",
      value: "direct"
    }),
    "Use `release-mode: pull-request` (or a token on the protection's bypass list)."
  ),
  SG_BRANCH_MOVED: define(
    "The branch moved on while the release was being written, so the release commit would not follow its tip.",
    (p) => ({
      message: `${answered(p)}. The branch ${p.branch} is no longer at ${p.parent.slice(0, 12)}, the commit the release was computed from.`,
      remedy: `Re-run the release: it computes the versions again from the tip of ${p.branch}.`
    }),
    "Re-run: the release is computed again from the branch's new tip."
  ),
  SG_PR_CREATION_FORBIDDEN: define(
    'The repository (or its organization) does not allow GitHub Actions to create pull requests (403 "GitHub Actions is not permitted to create or approve pull requests").',
    (p) => ({
      message: `${answered(p)}. ${p.repository} has the setting "Allow GitHub Actions to create and approve pull requests" turned off, so the GITHUB_TOKEN may not open the release pull request.`,
      remedy: "Turn on \"Allow GitHub Actions to create and approve pull requests\" (the repository's Settings > Actions > General > Workflow permissions; in an organization, its own Actions settings first). Or pass a GitHub App installation token (actions/create-github-app-token) or a personal access token as `token`: its pull requests also start CI, which GITHUB_TOKEN's do not.",
      input: "token"
    }),
    'Turn on "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token or PAT as `token`.'
  )
};

// src/definitions/errors/history.ts
var HISTORY_ERRORS = {
  /* ------------------------------------------------ history and versions -------------------- */
  SG_NOT_A_REPOSITORY: define(
    "working-directory is not inside a git repository.",
    (p) => ({
      message: `${p.directory} is not inside a git repository.`,
      remedy: "Run in a clone of the repository (in a workflow: actions/checkout with `fetch-depth: 0` before this step), or set working-directory (`--cwd`) to one.",
      input: "working-directory",
      value: p.directory
    }),
    "Check out the repository first (`actions/checkout` with `fetch-depth: 0`), or set `working-directory`."
  ),
  SG_NO_COMMITS: define(
    "The repository has no commits yet.",
    (p) => ({
      message: `The repository at ${p.topLevel} has no commits yet (HEAD does not resolve).`,
      remedy: "Commit something first, or point working-directory at a repository with history."
    }),
    "Commit something first, or point `working-directory` at a repository with history."
  ),
  SG_SHALLOW_CLONE: define(
    "The clone is shallow and shipguard may not (or cannot) deepen it: the version would be wrong.",
    (p) => ({
      message: `The clone is shallow${p.hasRemote ? "" : ` and has no \`${p.remote}\` remote to deepen it from`}: its history and tags are incomplete, so the version would be wrong.`,
      remedy: "Check out with full history: `actions/checkout` with `fetch-depth: 0` (or `git fetch --unshallow --tags`)" + (p.fetchHistory ? "." : ", or leave fetch-history at `true` so shipguard deepens it."),
      input: "fetch-history",
      value: String(p.fetchHistory)
    }),
    "Check out with `fetch-depth: 0`, or leave `fetch-history` at `true`."
  ),
  SG_DEEPEN_FAILED: define(
    "The clone is shallow and fetching its history failed.",
    (p) => ({
      message: `The clone is shallow and deepening it failed (${p.detail}).`,
      remedy: "Check out with full history: `actions/checkout` with `fetch-depth: 0`, and a token that can read the repository."
    }),
    "Check out with `fetch-depth: 0` and a token that can read the repository."
  ),
  SG_TAG_UNREADABLE: define(
    "A tag was reported to exist but cannot be read back.",
    (p) => ({
      message: `The tag ${p.tag} was reported to exist in ${p.where} but cannot be read back.`,
      remedy: "Re-run the job; if it persists, check the tag in the repository's tag list and delete it if it is broken."
    }),
    "Re-run; if it persists, delete the broken tag."
  ),
  SG_PACKAGE_RELEASES_FAILED: define(
    "`release` in a monorepo: the release of one or more packages stopped part-way; every package was tried, and the others are done.",
    (p) => ({
      message: `The release of ${p.failed.length} of ${p.total} package${p.total === 1 ? "" : "s"} stopped: ${p.failed.map(
        (f) => `${f.path}${f.tag === null ? "" : ` (${f.tag})`}: ${f.code}: ${f.message} Fix: ${f.remedy}`
      ).join(
        " "
      )} ${p.released.length === 0 ? "No package's release is done." : `Done: ${p.released.join(", ")}.`}`,
      remedy: "Fix what each failure names, then re-run the job: the re-run finds each package's tag at HEAD, leaves the finished releases as they are and finishes the others."
    }),
    "Fix what each package's failure names, then re-run: finished releases are kept, the others finished."
  ),
  SG_UNKNOWN_PACKAGE: define(
    "`--package` names no package of the settings file's `packages`.",
    (p) => ({
      message: p.configured.length === 0 ? `--package ${JSON.stringify(p.package)} was given, but no packages are configured: this repository has one version.` : `--package ${JSON.stringify(p.package)} is not a configured package. The packages are: ${p.configured.join(", ")}.`,
      remedy: p.configured.length === 0 ? "Drop --package, or list the packages under `packages` in the settings file (.github/shipguard.yml)." : "Pass one of those paths, as written under `packages` in the settings file (relative to the repository root).",
      input: "package",
      value: p.package
    }),
    "Pass a path listed under `packages` in the settings file."
  ),
  // git.
  SG_GIT_NOT_FOUND: define(
    "git is not installed, or not on PATH.",
    (_) => ({
      message: "git is not installed or not on PATH.",
      remedy: "Install git (on GitHub-hosted runners it is always present) and run again."
    }),
    "Install git, or put it on PATH."
  ),
  SG_WORKING_DIRECTORY_MISSING: define(
    "The working directory does not exist, so git cannot run there.",
    (p) => ({
      message: `The folder ${p.cwd} does not exist, so git cannot run there.`,
      remedy: "Check `working-directory` (`--cwd`): it must name an existing folder inside the workspace.",
      input: "working-directory",
      value: p.cwd
    }),
    "Point `working-directory` (`--cwd`) at an existing folder."
  ),
  SG_GIT_UNSTARTABLE: define(
    "git could not be started for another reason (permissions, resources).",
    (p) => ({
      message: `git could not be started: ${p.detail}`,
      remedy: "Check that git runs in this environment."
    }),
    "Run `git --version` in the same environment and fix what it reports."
  ),
  SG_GIT_FAILED: define(
    "A git command failed; the message has git's own words.",
    (p) => ({
      message: `git ${p.command} failed: ${p.stderr || "no message"}`,
      remedy: "See git's message above; run the same git command in the repository to investigate."
    }),
    "Run the same git command in the repository and fix what git reports."
  )
};

// src/definitions/errors/ledger.ts
function localStateRemedy(errno, folder) {
  switch (errno) {
    case "ENOSPC":
    case "EDQUOT":
      return `The disk (or this user's quota) that holds ${folder} is full: free space there, or choose another \`ledger-file\` on another disk, then run again.`;
    case "EROFS":
      return `${folder} is on a read-only file system: choose another \`ledger-file\` on a writable one (its locks and incidents/ go next to it).`;
    case "EACCES":
    case "EPERM":
      return `This user may not write in ${folder}: make it writable (\`chmod u+w\`, or \`chown\` it to this user), or choose another \`ledger-file\`.`;
    case "ENOTDIR":
    case "EEXIST":
      return `A part of the path ${folder} is a file, not a folder: move that file, or choose another \`ledger-file\`.`;
    default:
      return `Check that ${folder} exists and is writable by this user, and that the disk is not full; or choose another \`ledger-file\`.`;
  }
}
var LEDGER_ERRORS = {
  // The CLI's local ledger (.shipguard/deployments.jsonl).
  SG_LEDGER_IO: define(
    "The local ledger file, its folder or one of its locks could not be read or written (a full disk, a read-only folder, no permission).",
    (p) => ({
      message: `Could not ${p.what}: ${p.detail}`,
      remedy: localStateRemedy(p.errno, p.folder)
    }),
    "Free disk space, make the ledger's folder writable, or choose another `ledger-file`."
  ),
  SG_LEDGER_FILE_MISSING: define(
    "A report was asked of a ledger file (`ledger-file`) that does not exist.",
    (p) => ({
      message: `ledger-file names ${JSON.stringify(p.ledgerFile)}, but there is no file at ${p.path}: there is nothing to report on.`,
      remedy: "Correct `ledger-file` (relative to the working directory), or leave it out to read .shipguard/deployments.jsonl; with `repository` the report reads GitHub Deployments instead.",
      input: "ledger-file",
      value: p.ledgerFile
    }),
    "Correct `ledger-file`, or leave it out to read the default ledger."
  ),
  SG_LEDGER_DEPLOYMENT_UNKNOWN: define(
    "A status was recorded for a deployment the local ledger does not have.",
    (p) => ({
      message: `Could not record ${p.state} for deployment ${p.id}: ${p.file} has no such deployment.`,
      remedy: "Record statuses through the ledger that created the deployment (the same file). Was the file moved or replaced?"
    }),
    "Use the same ledger file that created the deployment."
  ),
  SG_ENVIRONMENT_LOCKED: define(
    "Another local deploy or rollback of the same environment was still running.",
    (p) => p.holder === null ? {
      message: `${p.environment} is busy: ${p.file} is held by a process its file does not name; waited ${p.waitedSeconds} s.`,
      remedy: `Let the other run finish, then run this one again. If no shipguard runs, delete ${p.file}.`
    } : {
      message: `${p.environment} is busy: \`${p.holder.command}\` (pid ${p.holder.pid} on ${p.holder.host}, since ${p.holder.since}) holds ${p.file}; waited ${p.waitedSeconds} s.`,
      remedy: `Let that run finish, then run this one again (SHIPGUARD_LOCK_WAIT_SECONDS waits longer). If pid ${p.holder.pid} on ${p.holder.host} is not running any more, delete ${p.file}.`
    },
    "Wait for the other run to finish, or delete the lock file if its process is gone."
  ),
  SG_CANCELLED: define(
    "SIGINT or SIGTERM (Ctrl-C, a cancelled workflow run) stopped the run before it deployed or recorded anything.",
    (p) => ({
      message: `Cancelled by ${p.signal} before anything was deployed to ${p.environment} or recorded: nothing was changed.`,
      remedy: "Run the command again when you want it to happen."
    }),
    "Nothing was changed: run it again when you want it to happen."
  )
};

// src/definitions/errors/incidents.ts
var INCIDENT_ERRORS = {
  SG_INCIDENT_ID_INVALID: define(
    "An incident id is not a correlation id: it must be letters, digits, `.`, `_` or `-`.",
    (p) => ({
      message: `Cannot record the incident ${JSON.stringify(p.id.slice(0, 200))}: an incident id is 1 to 128 letters, digits, \`.\`, \`_\` or \`-\`.`,
      remedy: "The incident id is the deploy's correlation id. Leave `correlation-id` unset so shipguard makes one, or pass one of letters, digits, `.`, `_` and `-`.",
      input: "correlation-id",
      value: p.id
    }),
    "Leave `correlation-id` unset, or use letters, digits, `.`, `_` and `-` only."
  ),
  SG_INCIDENT_FILE_IO: define(
    "The local incident file (`.shipguard/incidents/<id>.md`) or its folder could not be read or written (a full disk, a read-only folder, no permission), or the file is a symbolic link or not UTF-8.",
    (p) => ({
      message: `Could not record the incident in ${p.file}: ${p.detail}`,
      remedy: p.refused ? `Move ${p.file} aside (the next event then starts a new one), or make it a regular UTF-8 file again; shipguard left it as it is.` : localStateRemedy(p.errno, p.folder)
    }),
    "Free disk space, make the incidents folder writable, or choose another `ledger-file`; move a linked or garbled file aside."
  )
};

// src/definitions/errors/maintenance.ts
var short = (sha) => sha.slice(0, 7);
function causeText(cause, target, base) {
  if (cause.kind === "release-as")
    return `Release-As: ${cause.value} in commit ${short(cause.sha)} asks for ${target}`;
  const who = cause.sha === null ? "The commits call" : `Commit ${short(cause.sha)} calls`;
  return `${who} for a ${cause.bump} release, ${base === null ? "as a first release " : ""}${target}`;
}
function reachesMessage(p, q) {
  const { limit } = q;
  const where = limit.tag === null ? `below ${limit.version}, the end of the line ${p.line}` : `below ${limit.tag}, the next existing tag ${p.base === null ? "" : `above ${p.base} `}(on a branch HEAD does not reach)`;
  const past = limit.tag === null ? "outside that line" : q.target === limit.version ? `which ${limit.tag} already is` : `at or past ${limit.tag}`;
  return `${p.branch} is a maintenance branch (maintenance-branches: ${p.glob}), so its releases stay on the line ${p.line}, ${where}. ${causeText(q.cause, q.target, p.base)}, ${past}: refused rather than released as a higher version.`;
}
function reachesRemedy(q) {
  if (q.patch !== null) {
    return `Release this change from the main line instead (merge or cherry-pick it there). If it may ship as a patch of this line, ask for one in a newer commit: \`git commit --allow-empty -m "chore: release ${q.patch}" -m "Release-As: ${q.patch}"\`.`;
  }
  if (q.limit.tag !== null) {
    return `Merge ${q.limit.tag} into this branch (\`git merge ${q.limit.tag}\`), so the line continues from it, then release again; or release this change from the main line.`;
  }
  return "Release this change from the main line instead (merge or cherry-pick it there).";
}
var MAINTENANCE_ERRORS = {
  SG_MAINTENANCE_LINE: define(
    "On a branch of maintenance-branches, the release would leave the line of its last tag: reach an existing tag above it, or the end of a `N.N.x` / `N.x` line.",
    (p) => {
      const q = p.problem;
      if (q.kind === "off-line") {
        const last = p.base === null ? "no stable version tag is reachable from HEAD" : `its last stable tag reachable from HEAD is ${p.base}, which is not on that line`;
        return {
          message: `${p.branch} is a maintenance branch (maintenance-branches: ${p.glob}) of the line ${p.line}, but ${last}: a release here would not continue ${p.line}.`,
          remedy: q.nearest === null ? `No tag of ${p.line} exists yet: release the line's first version from the main line, then start ${p.branch} from its tag.` : `Base the branch on ${q.nearest}, the newest tag of ${p.line}: merge it in when the branch is older (\`git merge ${q.nearest}\`), or recreate the branch from it when it holds newer releases (\`git switch -C ${p.branch} ${q.nearest}\`, then cherry-pick its fixes).`
        };
      }
      return { message: reachesMessage(p, q), remedy: reachesRemedy(q) };
    },
    "Release the change from the main line, ask for a patch of the line with a `Release-As:` footer, or merge the tag that ends the line into the branch; the message names the tag."
  )
};

// src/definitions/errors/metrics.ts
var METRICS_ERRORS = {
  SG_METRICS_ENVIRONMENT_UNKNOWN: define(
    "`metrics` was asked for an environment the ledger has no deployment of.",
    (p) => ({
      message: `No deployment of ${JSON.stringify(p.environment)} in ${p.ledger} before ${p.until}. ${p.known.length === 0 ? "It records no environment at all." : `Known environments: ${p.known.map((k) => JSON.stringify(k)).join(", ")}.`}`,
      remedy: p.known.length === 0 ? "Deploy with shipguard first, or point `metrics` at the ledger that holds the deployments (`repository`, or `--ledger-file`)." : "Set `environment` to one of the known environments (names compare without case), or leave it empty to report every one.",
      input: "environment",
      value: p.environment
    }),
    "Name one of the environments the message lists, or leave `environment` empty."
  )
};

// src/definitions/errors/release-pr.ts
var RELEASE_PR_ERRORS = {
  SG_RELEASE_PR_NEEDS_GITHUB: define(
    "`release-mode: pull-request` was asked for without GitHub (the CLI without `--repo`): a pull request exists only on GitHub.",
    (_p) => ({
      message: "release-mode `pull-request` opens a release pull request on GitHub, but no repository is set: the CLI without --repo works on the local repository, which has no pull requests.",
      remedy: "Give --repo owner/name with GITHUB_TOKEN in the environment to open the pull request on GitHub, or use --release-mode direct (the default) to commit and tag locally.",
      input: "release-mode",
      value: "pull-request"
    }),
    "Give `--repo owner/name` (and GITHUB_TOKEN), or use `release-mode: direct` locally."
  ),
  SG_RELEASE_PR_NO_BRANCH: define(
    "`release-mode: pull-request` ran on a detached HEAD (a tag or a commit checked out): a release pull request needs the branch it goes to.",
    (_p) => ({
      message: "release-mode `pull-request` needs the branch the release pull request goes to, but the run is on no branch (a detached HEAD: a tag, a commit, or a pull request's merge ref).",
      remedy: "Run the release on a push to the base branch (`on: push: branches: [main]`), with the branch checked out.",
      input: "release-mode",
      value: "pull-request"
    }),
    "Run it on a push to the base branch."
  ),
  SG_RELEASE_PR_PROPOSAL_INVALID: define(
    "A merged release pull request proposes a release that does not fit the settings (a package that is not configured, a tag without its prefix): nothing was released.",
    (p) => ({
      message: `The merged release pull request #${p.number} (${p.url}) proposes ${p.problem}; nothing was released.`,
      remedy: "Tag the merged commit by hand (or revert the settings change that made the proposal stale), then remove the `shipguard: pending` label from the pull request so later runs do not read it again."
    }),
    "Tag the merged commit by hand, then remove the `shipguard: pending` label."
  )
};

// src/definitions/errors/settings-file.ts
function at2(file, line) {
  return line > 0 ? `${file} line ${line}` : file;
}
var SETTINGS_FILE_ERRORS = {
  SG_SETTINGS_FILE_MISSING: define(
    "The settings file that `config-file` names does not exist.",
    (p) => ({
      message: `The settings file ${p.file} named by config-file does not exist (${p.path}).`,
      remedy: "Commit the file there, correct `config-file` (`--config-file`, relative to working-directory), or leave config-file empty: then .github/shipguard.yml is read when it exists.",
      input: "config-file",
      value: p.file
    }),
    "Commit the file, correct `config-file`, or leave it empty for `.github/shipguard.yml`."
  ),
  SG_SETTINGS_FILE_UNREADABLE: define(
    "The settings file exists but cannot be read (a folder, no permission, not UTF-8).",
    (p) => ({
      message: `The settings file ${p.file} cannot be read: ${p.detail}`,
      remedy: "Make it a readable UTF-8 file, or point `config-file` (`--config-file`) at one.",
      input: "config-file",
      value: p.file
    }),
    "Make the file a readable UTF-8 file."
  ),
  SG_SETTINGS_FILE_INVALID: define(
    "The settings file is not valid YAML, or a value there has the wrong shape; the message names the line.",
    (p) => ({
      message: `${at2(p.file, p.line)}: ${p.problem}`,
      remedy: p.fix
    }),
    "Fix the file at the line the message names."
  ),
  SG_SETTINGS_UNKNOWN: define(
    "The settings file holds a key that is not a setting; the message names the nearest one.",
    (p) => ({
      message: `Unknown setting "${p.key}"${p.within === null ? "" : ` of ${p.within}`} in ${at2(p.file, p.line)}${p.nearest === null ? "." : p.close ? `: did you mean "${p.nearest}"?` : ` (the nearest known one is "${p.nearest}").`}`,
      remedy: p.within === null ? "The file takes the action's inputs by their names (README: Inputs), and `packages`; correct or remove the key." : "A package takes `tag-prefix`, `extra-paths`, `exclude-paths` and the version options `release-rules`, `squash-bullets`, `initial-version`, `major-zero-breaking`, `prerelease`, `build-metadata`, and the files a release writes `version-files`, `changelog-file`, `chart-app-version`; correct or remove the key."
    }),
    "Correct the key (the message suggests the nearest) or remove it."
  ),
  SG_SETTINGS_REFUSED: define(
    "The settings file holds a key that must not be in a committed file (a secret, the command, where the file is, one run's values).",
    (p) => ({
      message: `"${p.key}" cannot be set in ${at2(p.file, p.line)}: ${p.reason}`,
      remedy: `Remove it from the file. ${p.remedy}`
    }),
    "Remove the key from the file and give it where the message says."
  )
};

// src/definitions/errors.ts
var ERRORS = {
  ...GENERAL_ERRORS,
  ...SETTINGS_FILE_ERRORS,
  ...HISTORY_ERRORS,
  ...MAINTENANCE_ERRORS,
  ...DEPLOY_LOOP_ERRORS,
  ...CHECKS_ERRORS,
  ...GITHUB_ERRORS,
  ...GITHUB_WRITE_ERRORS,
  ...LEDGER_ERRORS,
  ...INCIDENT_ERRORS,
  ...RELEASE_PR_ERRORS,
  ...FILES_ERRORS,
  ...METRICS_ERRORS
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
  constructor(code, details, options = {}) {
    super(details.message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "ShipguardError";
    this.code = code;
    this.remedy = details.remedy;
    this.input = details.input;
    this.value = details.value;
  }
  /** The text a user sees: the code and message, the remedy, and where the README explains it. */
  describe() {
    return describeProblem(this);
  }
};
function shipguardError(code, params, options = {}) {
  const build = ERRORS[code].build;
  return new ShipguardError(code, build(params), options);
}
function invalidInput(input, value, expected, remedy2) {
  return shipguardError(
    "SG_INPUT_INVALID",
    remedy2 === void 0 ? { input, value, expected } : { input, value, expected, remedy: remedy2 }
  );
}
function isShipguardError(error) {
  return error instanceof ShipguardError;
}
function refusal(code, params) {
  const { message, remedy: remedy2 } = shipguardError(code, params);
  return { code, message, remedy: remedy2 };
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
  COMMANDS,
  CLI_COMMANDS,
  OPTIONS,
  optionsFor,
  whereToSet,
  errorAnchor,
  ShipguardError,
  shipguardError,
  invalidInput,
  isShipguardError,
  refusal,
  describeProblem,
  describeFailure
};
