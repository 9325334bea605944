import { ApiError } from "./api-error.ts";
import { requiredPermission } from "./auth.ts";
import type { EmulatorState } from "./state.ts";

/**
 * Repository-level rules on tags that GitHub enforces on every path that writes a tag (create-ref,
 * update-ref, delete-ref, and release publication, which creates its tag): tag rulesets and
 * immutable releases.
 */

const IMMUTABLE = "tag_name was used by an immutable release";

function rulesetMatches(pattern: boolean | string | undefined, tagName: string): boolean {
  if (pattern === undefined || pattern === false) return false;
  if (pattern === true) return true;
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return regex.test(tagName);
}

/** Creating refs/tags/<tagName>: a ruleset restricting creations, or a name an immutable release burned. */
export function assertTagCreationAllowed(state: EmulatorState, tagName: string): void {
  if (rulesetMatches(state.options.rulesetBlocksTags, tagName)) {
    throw new ApiError(
      422,
      `Repository rule violations found\n\nGH013: Repository rule violations found for refs/tags/${tagName}.\n\n` +
        "- Cannot create ref due to creations being restricted.\n",
    );
  }
  if (state.burnedTags.has(tagName)) {
    throw new ApiError(
      422,
      "Repository rule violations found\n\nCannot create ref due to creations being restricted: " +
        `${IMMUTABLE} (refs/tags/${tagName}).\n`,
    );
  }
}

/** Moving or deleting refs/tags/<tagName>: refused while a published immutable release holds it. */
export function assertTagChangeAllowed(
  state: EmulatorState,
  tagName: string,
  change: "update" | "delete",
): void {
  if (state.tagLockedByImmutableRelease(tagName)) {
    throw new ApiError(422, `Cannot ${change} refs/tags/${tagName}: ${IMMUTABLE}.`);
  }
}

/**
 * Creating or moving any ref to a commit whose .github/workflows/ differ from the default branch's,
 * with a token that lacks the workflow scope (a GITHUB_TOKEN never has it): GitHub answers the same
 * 403 as a missing `contents: write`, and the same `x-accepted-github-permissions` header, which
 * lists what the endpoint accepts (contents=write) rather than what the token lacks.
 */
export function assertWorkflowsWritable(state: EmulatorState, sha: string, operationId: string): void {
  if (!state.options.workflowScopeMissing) return;
  const commit = state.git.peelToCommit(sha);
  const base = state.defaultBranchSha();
  if (!commit || !base) return;
  if (state.git.pathSha(commit, ".github/workflows") !== state.git.pathSha(base, ".github/workflows")) {
    const [scope, access] = requiredPermission(operationId) ?? ["contents", "write"];
    throw new ApiError(403, "Resource not accessible by integration", {
      headers: { "x-accepted-github-permissions": `${scope}=${access}` },
    });
  }
}

export const IMMUTABLE_RELEASE_MESSAGE = IMMUTABLE;

/**
 * Moving or deleting a branch that a rule protects (`protectedBranches`: branch protection or a
 * ruleset requiring pull requests). GitHub answers the Git Data API's ref update with 422 and the
 * rule's words, "Changes must be made through a pull request." (seen from PATCH git/refs in
 * googleapis/repo-automation-bots#5551; a push gets the same words after "GH006: Protected branch
 * update failed for refs/heads/<branch>."). Merging a pull request is the allowed way in.
 */
export function assertBranchWritable(state: EmulatorState, ref: string): void {
  if (!ref.startsWith("refs/heads/")) return;
  const branch = ref.slice("refs/heads/".length);
  if (state.options.protectedBranches?.includes(branch)) {
    throw new ApiError(422, "Changes must be made through a pull request.");
  }
}
