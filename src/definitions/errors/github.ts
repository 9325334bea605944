/** GitHub's answers: tokens, permissions, limits, deployments and workflow dispatches. */
import { define } from "../define-error.ts";

/** What GitHub answered to one call: what shipguard was doing, the status, the request, GitHub's words. */
export interface GitHubAnswer {
  /** "create the tag v1.2.3". */
  doing: string;
  status: number | undefined;
  /** `POST https://...`, without credentials; empty when unknown. */
  request: string;
  said: string;
}

export function answered(p: GitHubAnswer): string {
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

export const GITHUB_ERRORS = {
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
  SG_GITHUB_ISSUES_DISABLED: define(
    "The repository has Issues turned off (410, or 404 to a list where the repository says `has_issues: false`), so an incident could not be recorded as an issue.",
    (p: GitHubAnswer) => ({
      message: answered(p),
      remedy:
        "shipguard records each incident as an issue labelled `shipguard:incident`, and this repository has Issues turned off. Turn them on in the repository's Settings > General > Features; later incidents are then recorded.",
    }),
    "Turn Issues on in the repository's settings.",
  ),
  SG_GITHUB_REF_REFUSED: define(
    "GitHub refused to create or move a ref (403): the token lacks `contents: write`, or the commit's .github/workflows/ differ from the default branch's, which a GITHUB_TOKEN may never write.",
    (p: GitHubAnswer & { cause: "workflows" | "either"; tokenWrote?: string }) => {
      const workflows =
        "The commit's .github/workflows/ differ from the default branch's, and GitHub lets a ref point there only with the Workflows permission, which a GITHUB_TOKEN can never hold. Pass a GitHub App installation token with the Workflows permission, or a token with the `workflow` scope, as `token`; or release a commit whose workflows match the default branch.";
      const shown =
        p.tokenWrote === undefined
          ? ""
          : `Not a missing permission: this token had just created ${p.tokenWrote}, so it can write contents. `;
      return {
        message: answered(p),
        remedy:
          p.cause === "workflows"
            ? `${shown}${workflows}`
            : `GitHub gives the same answer for two causes. Either the token lacks \`contents: write\`: grant it in the job's \`permissions:\` block (and in the calling job). Or, with \`contents: write\` already granted: ${workflows}`,
      };
    },
    "Grant `contents: write`; if it is granted, the commit changes workflows: use an App token or a `workflow`-scope token, or release a commit whose workflows match the default branch.",
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
};
