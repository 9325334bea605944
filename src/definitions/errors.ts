/**
 * Every error and refusal shipguard reports, by code: one place for what went wrong, how to fix
 * it, and where the README explains it (`README.md#<anchor>`). Call sites pass the facts; the
 * words live here, so a message is changed once and tests assert codes, not prose.
 */

/** What one occurrence says: the sentence, the fix, and the input at fault when there is one. */
export interface ErrorDetails {
  message: string;
  remedy: string;
  input?: string;
  value?: string;
}

export interface ErrorDefinition<P> {
  /** One line for the README's table of codes. */
  summary: string;
  /** The usual fix, one line for the README's table (the remedy of an occurrence is specific). */
  fix?: string;
  build(params: P): ErrorDetails;
}

function define<P>(summary: string, build: (params: P) => ErrorDetails, fix?: string): ErrorDefinition<P> {
  return fix === undefined ? { summary, build } : { summary, fix, build };
}

/** Where a problem in the smoke checks sits: `checks.yml: line 7: check "health"`. */
interface ChecksPlace {
  source: string;
  /** 0 when the problem has no line of its own. */
  line: number;
  /** `settings`, `the checks` or `check "health"`. */
  owner: string;
}

function at(p: ChecksPlace): string {
  return `${p.source}: ${p.line > 0 ? `line ${p.line}: ` : ""}${p.owner}`;
}

/** What GitHub answered to one call: what shipguard was doing, the status, the request, GitHub's words. */
interface GitHubAnswer {
  /** "create the tag v1.2.3". */
  doing: string;
  status: number | undefined;
  /** `POST https://...`, without credentials; empty when unknown. */
  request: string;
  said: string;
}

function answered(p: GitHubAnswer): string {
  const where = p.request === "" ? "" : ` (${p.request})`;
  return `Could not ${p.doing}: GitHub answered ${p.status ?? "no answer"}${where}: ${p.said}`;
}

const RERUN_SAFE = "shipguard finishes what is missing without duplicating.";

/** The ways a workflow dispatch is malformed before it is sent. */
type DispatchProblem =
  | { reason: "workflow-name" }
  | { reason: "ref"; ref: string }
  | { reason: "too-many-inputs"; count: number; max: number }
  | { reason: "inputs-too-long"; max: number }
  | { reason: "no-correlation-id" };

function dispatchProblem(p: DispatchProblem & { workflow: string }): { problem: string; remedy: string } {
  switch (p.reason) {
    case "workflow-name":
      return {
        problem: `${JSON.stringify(p.workflow)} is not a workflow file name.`,
        remedy: "Name the workflow by its file name in .github/workflows/, e.g. `deploy.yml`.",
      };
    case "ref":
      return {
        problem: `the ref ${JSON.stringify(p.ref)} is not a branch or tag name (GitHub dispatches on a branch or tag, never a commit).`,
        remedy: "Dispatch on the default branch or a tag.",
      };
    case "too-many-inputs":
      return {
        problem: `${p.count} inputs, GitHub takes at most ${p.max}.`,
        remedy: "Send fewer extra inputs (combine them into one JSON input).",
      };
    case "inputs-too-long":
      return {
        problem: `the inputs are longer than GitHub's ${p.max} characters.`,
        remedy: "Send shorter inputs.",
      };
    case "no-correlation-id":
      return {
        problem: "the correlation id is not among the inputs.",
        remedy:
          "Pass the correlation id as an input (`correlation-id`) and show it in the workflow's run-name.",
      };
  }
}

/** The ways the checks text fails as YAML, before any key is looked at. */
type YamlProblem = { reason: "syntax"; detail: string } | { reason: "aliases" } | { reason: "key" };

function yamlProblem(p: YamlProblem & { source: string; line: number }): ErrorDetails {
  switch (p.reason) {
    case "syntax":
      return {
        message: `${p.source}: line ${p.line}: the checks are not valid YAML: ${p.detail}`,
        remedy: "Fix the YAML syntax at that line (indentation, quotes, a `:` after each key).",
      };
    case "aliases":
      return {
        message: `${p.source}: too many YAML aliases`,
        remedy: "Write the checks out instead of repeating them through more than 100 aliases.",
      };
    case "key":
      return {
        message: `${p.source}: line ${p.line}: a key must be plain text`,
        remedy: "Use plain words as keys, such as `name:` or `http:`.",
      };
  }
}

export const ERRORS = {
  SG_INPUT_INVALID: define(
    "An input (or CLI flag) has a value shipguard cannot use; the message names it and what it expects.",
    (p: { input: string; value: string; expected: string }) => ({
      message: `Invalid ${p.input}: ${JSON.stringify(p.value)}. ${p.expected}`,
      remedy: `Set ${p.input} (action input \`${p.input}\`, CLI flag \`--${p.input}\`) to a valid value: ${p.expected}`,
      input: p.input,
      value: p.value,
    }),
    "Give the input a value of the kind the message names.",
  ),
  SG_TOKEN_MISSING: define(
    "A command that writes to GitHub was given no token.",
    (p: { command: string; permissions: string; cli: boolean }) => ({
      message: p.cli
        ? `\`${p.command}\` with --repo works on GitHub, which needs a token, and GITHUB_TOKEN is not set.`
        : `The ${p.command} command writes to GitHub and needs a token; none was given.`,
      remedy: p.cli
        ? `Export GITHUB_TOKEN (a token with ${p.permissions} on the repository), or drop --repo to work locally.`
        : `Leave the \`token\` input at its default (\`\${{ github.token }}\`) or pass one, with ${p.permissions} granted to the job.`,
      input: p.cli ? "repository" : "token",
    }),
    "Keep the `token` input at its default, or export GITHUB_TOKEN for the CLI.",
  ),

  // Smoke checks (`checks` / `checks-file`).
  SG_CHECKS_YAML: define(
    "The smoke checks are not valid YAML (or repeat themselves through too many aliases).",
    (p: YamlProblem & { source: string; line: number }) => ({ ...yamlProblem(p), input: p.source }),
    "Fix the YAML at the line the message names.",
  ),
  SG_CHECKS_INVALID: define(
    "A smoke check or `settings:` value breaks a rule; the message names the source, line, check and key.",
    (p: ChecksPlace & { key?: string; problem: string; fix: string }) => ({
      message: `${at(p)}: ${p.key === undefined ? "" : `\`${p.key}\` `}${p.problem}`,
      remedy: p.fix,
      input: p.source,
    }),
    "Change the value at the line the message names, as its fix says.",
  ),
  SG_CHECKS_UNKNOWN_KEY: define(
    "A smoke check (or `settings:`) has a key shipguard does not know, often a typo.",
    (
      p: ChecksPlace & { key: string; allowed: readonly string[]; of: string; suggestion: string | null },
    ) => ({
      message: `${at(p)}: unknown key \`${p.key}\``,
      remedy: `Remove \`${p.key}\` or use one of the keys of ${p.of}: ${p.allowed.join(", ")}.${p.suggestion === null ? "" : ` Did you mean \`${p.suggestion}\`?`}`,
      input: p.source,
    }),
    "Correct the key (the message suggests the closest known one) or remove it.",
  ),
  SG_CHECKS_VARIABLE_UNSET: define(
    "A smoke check uses `${NAME}`, and the step's environment has no such variable.",
    (p: { source: string; check: string; variable: string }) => ({
      message: `${p.source}: check ${JSON.stringify(p.check)} uses \${${p.variable}}, which is not set`,
      remedy: `Provide ${p.variable} to the step (shipguard passes SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT), or write $\${${p.variable}} for the literal text.`,
      input: p.source,
      value: p.variable,
    }),
    "Pass the variable to the step (`env:`), or write `$${` for a literal `${`.",
  ),

  // git.
  SG_GIT_NOT_FOUND: define(
    "git is not installed, or not on PATH.",
    (_: Record<string, never>) => ({
      message: "git is not installed or not on PATH.",
      remedy: "Install git (on GitHub-hosted runners it is always present) and run again.",
    }),
    "Install git, or put it on PATH.",
  ),
  SG_WORKING_DIRECTORY_MISSING: define(
    "The working directory does not exist, so git cannot run there.",
    (p: { cwd: string }) => ({
      message: `The folder ${p.cwd} does not exist, so git cannot run there.`,
      remedy: "Check `working-directory` (`--cwd`): it must name an existing folder inside the workspace.",
      input: "working-directory",
      value: p.cwd,
    }),
    "Point `working-directory` (`--cwd`) at an existing folder.",
  ),
  SG_GIT_UNSTARTABLE: define(
    "git could not be started for another reason (permissions, resources).",
    (p: { detail: string }) => ({
      message: `git could not be started: ${p.detail}`,
      remedy: "Check that git runs in this environment.",
    }),
    "Run `git --version` in the same environment and fix what it reports.",
  ),
  SG_GIT_FAILED: define(
    "A git command failed; the message has git's own words.",
    (p: { command: string; stderr: string }) => ({
      message: `git ${p.command} failed: ${p.stderr || "no message"}`,
      remedy: "See git's message above; run the same git command in the repository to investigate.",
    }),
    "Run the same git command in the repository and fix what git reports.",
  ),

  // GitHub's answers.
  SG_GITHUB_UNAUTHORIZED: define(
    "GitHub rejected the token (401): missing, expired or revoked.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy:
        "The token is missing, expired or revoked. Pass a valid token in the `token` input (default: github.token).",
    }),
    "Pass a valid token in `token` (the default `github.token` is one).",
  ),
  SG_GITHUB_FORBIDDEN: define(
    "The token lacks a permission the call needs (403 `Resource not accessible by integration`).",
    (p: GitHubAnswer & { scope: string; neededBy?: string }) => ({
      message: answered(p),
      remedy: `The token lacks the \`${p.scope}\` permission${p.neededBy === undefined ? "" : `, which ${p.neededBy} needs`}. Grant it in the job's \`permissions:\` block (\`${p.scope}\`), or pass a token that has it.`,
    }),
    "Grant the named permission in the job's `permissions:` block (and in the calling job).",
  ),
  SG_GITHUB_NOT_FOUND: define(
    "GitHub answered 404: a wrong repository, a token that cannot see it, or a change to workflow files.",
    (p: GitHubAnswer & { scope: string }) => ({
      message: answered(p),
      remedy: `Check the repository name and that the token can see it and has \`${p.scope}\`. If the commit changes .github/workflows/, the token also needs the \`workflows\` permission (a GITHUB_TOKEN never has it: use a GitHub App token or a PAT with the workflow scope).`,
    }),
    "Check the repository and the token's access; workflow-file changes need an App token or PAT.",
  ),
  SG_GITHUB_RATE_LIMITED: define(
    "GitHub's rate limit was still in force after shipguard's retries.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy: `GitHub's rate limit was still in force after the retries. Re-run the job later; ${RERUN_SAFE}`,
    }),
    "Re-run the job later; re-running is safe.",
  ),
  SG_GITHUB_UNAVAILABLE: define(
    "GitHub kept failing (5xx) after shipguard's retries.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy: `GitHub kept failing after the retries. Re-run the job: ${RERUN_SAFE}`,
    }),
    "Re-run the job; re-running is safe.",
  ),
  SG_GITHUB_RULESET: define(
    "A repository ruleset blocks the tag or ref (GH013), and github-actions[bot] cannot bypass rulesets.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy:
        "A repository ruleset blocks this ref, and github-actions[bot] cannot bypass rulesets. Use a GitHub App token (actions/create-github-app-token) whose app is on the ruleset's bypass list, and pass it as `token`.",
    }),
    "Use a GitHub App token on the ruleset's bypass list, passed as `token`.",
  ),
  SG_TAG_BURNED: define(
    "An immutable release used this tag name once, so it can never be used again.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy:
        "An immutable release burned this tag name: it can never be used again, even though the tag is gone. Release the next version instead: push a commit with a `Release-As: <a higher version>` footer.",
    }),
    "Release the next version (a `Release-As:` footer with a higher version).",
  ),
  SG_GITHUB_REFUSED: define(
    "GitHub refused a call for a reason without a code of its own; the message has GitHub's words.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy: "See GitHub's message above. Re-running is safe: shipguard reconciles what already exists.",
    }),
    "Act on GitHub's message; re-running is safe.",
  ),

  // GitHub deployments.
  SG_DEPLOYMENT_AUTO_MERGED: define(
    "GitHub merged the default branch into the deployed branch (202) instead of creating a deployment.",
    (p: { doing: string; ref: string; said: string | undefined }) => ({
      message: `Could not ${p.doing}: GitHub answered 202 (auto-merge): ${p.said ?? "the base branch was merged into the ref"}. No deployment was created.`,
      remedy: `shipguard sends \`auto_merge: false\`, yet GitHub merged the default branch into ${p.ref} (a branch behind its base, or a server or proxy that dropped the field). Bring the branch up to date with its base, or deploy a tag or commit SHA, then deploy again; nothing was recorded, so re-running is safe.`,
    }),
    "Bring the branch up to date with its base, or deploy a tag or commit SHA.",
  ),
  SG_DEPLOYMENT_MERGE_CONFLICT: define(
    "GitHub tried to merge the default branch into the deployed branch and hit a conflict (409).",
    (p: GitHubAnswer) => ({
      message: `${answered(p)} (a merge conflict: no deployment was created)`,
      remedy:
        "GitHub tried to merge the default branch into the deployed ref and hit a conflict. shipguard sends `auto_merge: false`, so the ref was a branch behind its base on a server that merged anyway: resolve the conflict (merge or rebase the branch onto its base) or deploy a tag or commit SHA, then deploy again.",
    }),
    "Resolve the conflict, or deploy a tag or commit SHA.",
  ),
  SG_DEPLOYMENT_CHECKS_FAILED: define(
    "GitHub refused the deployment because required status checks of the commit failed (422).",
    (p: GitHubAnswer & { contexts: readonly string[] }) => ({
      message: `${answered(p)} (required status checks failed: ${p.contexts.length > 0 ? p.contexts.join(", ") : "(GitHub did not name them)"})`,
      remedy: `GitHub refuses to deploy a commit whose required status checks are not green. shipguard sends \`required_contexts: []\`, so the server or a proxy required them anyway: make ${p.contexts.length > 0 ? p.contexts.join(", ") : "the failing checks"} pass on that commit (fix or re-run them), then deploy again. No deployment was created.`,
    }),
    "Make the named checks pass on that commit, then deploy again.",
  ),
  SG_DEPLOYMENT_COMMIT_MISSING: define(
    "GitHub does not have the commit to deploy (422 `No ref found`).",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy:
        "GitHub does not have the commit to deploy. Push the commit (and its tag) to GitHub before deploying it.",
    }),
    "Push the commit and its tag to GitHub, then deploy.",
  ),

  // Workflow dispatches (the `workflow` strategy and rollbacks).
  SG_DISPATCH_INVALID: define(
    "A workflow dispatch is malformed before it is sent (workflow name, ref, or inputs).",
    (p: DispatchProblem & { workflow: string }) => {
      const { problem, remedy } = dispatchProblem(p);
      return { message: `Cannot dispatch ${p.workflow}: ${problem}`, remedy };
    },
    "Name the workflow by its file name, dispatch on a branch or tag, send fewer or shorter inputs.",
  ),
  SG_WORKFLOW_NOT_FOUND: define(
    "The workflow to dispatch does not exist on the repository's default branch (404).",
    (p: { workflow: string; repository: string; ref: string; inputs: readonly string[] }) => {
      const file = `.github/workflows/${p.workflow}`;
      return {
        message: `Could not dispatch ${p.workflow}: GitHub answered 404: the workflow file ${file} does not exist on the default branch of ${p.repository}.`,
        remedy: `Commit ${file}, with an \`on: workflow_dispatch\` trigger declaring the inputs ${p.inputs.join(", ")}, to the default branch: GitHub only dispatches workflows it finds there (the run itself uses the file on ${p.ref}). Also check the repository name and that the token can see it.`,
      };
    },
    "Commit the workflow, with its `workflow_dispatch` inputs, to the default branch.",
  ),
  SG_WORKFLOW_INPUTS_REFUSED: define(
    "GitHub refused a dispatch (400/422): the workflow does not declare an input, or a value is not allowed.",
    (p: { workflow: string; ref: string; status: number; said: string; inputs: readonly string[] }) => ({
      message: `GitHub refused to dispatch ${p.workflow} on ${p.ref} (${p.status}): ${p.said}`,
      remedy: `Make .github/workflows/${p.workflow} declare every input shipguard sends (${p.inputs.join(", ")}) under \`on.workflow_dispatch.inputs\`, with types and choices that accept the values; the ref ${p.ref} must be an existing branch or tag.`,
    }),
    "Declare every input shipguard sends under `on.workflow_dispatch.inputs`, with values it accepts.",
  ),
  SG_WORKFLOW_INPUTS_RESERVED: define(
    "The extra inputs of the deploy workflow reuse a name shipguard fills in itself.",
    (p: { clashes: readonly string[]; reserved: readonly string[] }) => ({
      message: `The extra inputs of the deploy workflow reuse names shipguard sends itself: ${p.clashes.join(", ")}.`,
      remedy: `Rename them: ${p.reserved.join(", ")} are filled in by shipguard.`,
      input: "workflow-inputs",
    }),
    "Rename the extra inputs in `workflow-inputs`.",
  ),
  SG_WAIT_CANCELLED: define(
    "The step was cancelled while waiting for a dispatched run; the run itself goes on.",
    (p: { run: string }) => ({
      message: `Stopped waiting for the run ${p.run}: the step was cancelled.`,
      remedy: "The run itself goes on; see it in the Actions tab.",
    }),
    "See the run in the Actions tab.",
  ),

  // The CLI's local ledger (.shipguard/deployments.jsonl).
  SG_LEDGER_IO: define(
    "The local ledger file (or its lock) could not be read or written.",
    (p: { what: string; detail: string; folder: string }) => ({
      message: `Could not ${p.what}: ${p.detail}`,
      remedy: `Check that ${p.folder} exists and is writable by this user, and that the disk is not full.`,
    }),
    "Make the ledger's folder writable, and free disk space.",
  ),
  SG_LEDGER_DEPLOYMENT_UNKNOWN: define(
    "A status was recorded for a deployment the local ledger does not have.",
    (p: { state: string; id: string; file: string }) => ({
      message: `Could not record ${p.state} for deployment ${p.id}: ${p.file} has no such deployment.`,
      remedy:
        "Record statuses through the ledger that created the deployment (the same file). Was the file moved or replaced?",
    }),
    "Use the same ledger file that created the deployment.",
  ),

  /** Transitional (issue 10): removed once every call site names its code. */
  SG_UNCODED: define(
    "An error not yet given its own code.",
    (p: { message: string; remedy: string }) => p,
    "See the message's fix.",
  ),
  SG_INTERNAL: define(
    "Something shipguard did not expect; the message has the stack. Please report it.",
    (p: { detail: string }) => ({
      message: `shipguard failed unexpectedly: ${p.detail}`,
      remedy: "Re-run with --verbose (or ACTIONS_STEP_DEBUG) and open an issue with the log.",
    }),
    "Re-run with --verbose and open an issue with the log.",
  ),
} satisfies Record<string, ErrorDefinition<never>>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]["build"]>[0];

/** The README anchor of a code's row: `SG_TAG_MISSING` -> `sg-tag-missing`. */
export function errorAnchor(code: ErrorCode): string {
  return code.toLowerCase().replace(/_/g, "-");
}
