import { ApiError } from "../api-error.ts";
import type { Route } from "../router.ts";
import { commitView } from "../views.ts";

/** A commit of the backing git repository, by sha, branch or tag. */
const getCommit: Route = {
  operationId: "repos/get-commit",
  handle(context) {
    const { state } = context;
    const ref = context.params.ref ?? "";
    const sha = state.resolveCommitish(ref);
    const commit = sha ? state.git.readCommit(sha) : undefined;
    if (!commit) throw new ApiError(422, `No commit found for SHA: ${ref}`);
    return { status: 200, body: commitView(state, commit, state.git.changedFiles(commit.sha)) };
  },
};

export const commitRoutes: Route[] = [getCommit];
