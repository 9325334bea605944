import { ApiError } from "./api-error.ts";
import type { Access, Permissions, Scope } from "./options.ts";

/** The GITHUB_TOKEN permission each operation needs (GitHub's "Permissions required" tables). */
const REQUIRED: Record<string, [Scope, Access]> = {
  "repos/get": ["metadata", "read"],
  // Not a repository permission: the GITHUB_TOKEN is refused whatever it holds (routes/users.ts).
  "users/get-authenticated": ["metadata", "read"],
  "git/get-ref": ["contents", "read"],
  "git/list-matching-refs": ["contents", "read"],
  "git/create-ref": ["contents", "write"],
  "git/update-ref": ["contents", "write"],
  "git/delete-ref": ["contents", "write"],
  "git/create-tag": ["contents", "write"],
  "git/get-tag": ["contents", "read"],
  "repos/get-commit": ["contents", "read"],
  "repos/create-release": ["contents", "write"],
  "repos/list-releases": ["contents", "read"],
  "repos/get-release-by-tag": ["contents", "read"],
  "repos/get-latest-release": ["contents", "read"],
  "repos/get-release": ["contents", "read"],
  "repos/update-release": ["contents", "write"],
  "repos/delete-release": ["contents", "write"],
  "repos/create-deployment": ["deployments", "write"],
  "repos/list-deployments": ["deployments", "read"],
  "repos/get-deployment": ["deployments", "read"],
  "repos/create-deployment-status": ["deployments", "write"],
  "repos/list-deployment-statuses": ["deployments", "read"],
  "actions/create-workflow-dispatch": ["actions", "write"],
  "actions/list-workflow-runs": ["actions", "read"],
  "actions/list-workflow-runs-for-repo": ["actions", "read"],
  "actions/get-workflow-run": ["actions", "read"],
  "actions/cancel-workflow-run": ["actions", "write"],
  "issues/create": ["issues", "write"],
  "issues/list-for-repo": ["issues", "read"],
  "issues/get": ["issues", "read"],
  "issues/create-comment": ["issues", "write"],
  "issues/list-comments": ["issues", "read"],
  "issues/add-labels": ["issues", "write"],
  "issues/remove-label": ["issues", "write"],
  "git/create-tree": ["contents", "write"],
  "git/create-commit": ["contents", "write"],
  "git/get-commit": ["contents", "read"],
  "pulls/list": ["pull-requests", "read"],
  "pulls/create": ["pull-requests", "write"],
  "pulls/get": ["pull-requests", "read"],
  "pulls/update": ["pull-requests", "write"],
  "pulls/merge": ["contents", "write"],
  "repos/list-pull-requests-associated-with-commit": ["contents", "read"],
};

/**
 * Operations GitHub's permission tables accept under another permission too: an issue call on a
 * pull request takes "Pull requests" write as well as "Issues" write, and reading a commit's pull
 * requests takes "Pull requests" read as well as "Contents" read.
 */
const ALSO_ACCEPTED: Record<string, [Scope, Access]> = {
  "issues/create-comment": ["pull-requests", "write"],
  "issues/add-labels": ["pull-requests", "write"],
  "issues/remove-label": ["pull-requests", "write"],
  "repos/list-pull-requests-associated-with-commit": ["pull-requests", "read"],
};

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

/** 401 unless the request carries the token as `token X` or `Bearer X`. */
export function authenticate(header: string | undefined, token: string): void {
  if (!header)
    throw new ApiError(401, "Requires authentication", { documentationUrl: "https://docs.github.com/rest" });
  const match = header.match(/^(?:token|bearer)\s+(\S+)\s*$/i);
  if (!match || match[1] !== token) {
    throw new ApiError(401, "Bad credentials", { documentationUrl: "https://docs.github.com/rest" });
  }
}

/**
 * 403 "Resource not accessible by integration" when the token's permissions lack what the operation
 * needs, with GitHub's X-Accepted-GitHub-Permissions header naming it.
 */
export function authorize(operationId: string, permissions: Permissions | undefined): void {
  if (!permissions) return;
  const required = REQUIRED[operationId];
  if (!required) throw new Error(`no permission is declared for ${operationId}`);
  const [scope, access] = required;
  const granted = scope === "metadata" ? "read" : (permissions[scope] ?? "none");
  if (RANK[granted] >= RANK[access]) return;
  const other = ALSO_ACCEPTED[operationId];
  if (other && RANK[permissions[other[0]] ?? "none"] >= RANK[other[1]]) return;
  throw new ApiError(403, "Resource not accessible by integration", {
    headers: { "x-accepted-github-permissions": `${scope}=${access}` },
  });
}

export function requiredPermission(operationId: string): [Scope, Access] | undefined {
  return REQUIRED[operationId];
}
