import { ApiError, notFound } from "../api-error.ts";
import {
  assertBranchWritable,
  assertTagChangeAllowed,
  assertTagCreationAllowed,
  assertWorkflowsWritable,
} from "../ref-rules.ts";
import type { HandlerContext, Route } from "../router.ts";
import { gitRefView } from "../views.ts";

/**
 * Git references, written into the backing git repository. Creation is first-writer-wins: the
 * second POST of a ref gets 422 "Reference already exists", which is the lock two racing
 * releases rely on.
 */

const FULL_SHA = /^[0-9a-f]{40}$/;
function refView(context: HandlerContext, ref: string) {
  const { state } = context;
  const sha = state.git.readRef(ref);
  if (!sha) return undefined;
  return gitRefView(state, ref, sha, state.git.objectType(sha) ?? "commit");
}

/** The object a ref may point at: an existing commit or annotated tag. */
function assertPointable(context: HandlerContext, sha: string): void {
  const type = FULL_SHA.test(sha) ? context.state.git.objectType(sha) : undefined;
  if (type !== "commit" && type !== "tag") throw new ApiError(422, "Object does not exist");
}

const getRef: Route = {
  operationId: "git/get-ref",
  handle(context) {
    const view = refView(context, `refs/${context.params.ref}`);
    if (!view) throw notFound();
    return { status: 200, body: view };
  },
};

const listMatchingRefs: Route = {
  operationId: "git/list-matching-refs",
  handle(context) {
    const prefix = `refs/${context.params.ref}`;
    const body = context.state
      .refs()
      .filter((entry) => entry.ref.startsWith(prefix))
      .map((entry) => gitRefView(context.state, entry.ref, entry.sha, entry.type));
    return { status: 200, body };
  },
};

const createRef: Route = {
  operationId: "git/create-ref",
  handle(context) {
    const { state } = context;
    const ref = String(context.body.ref);
    const sha = String(context.body.sha);
    if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
      throw new ApiError(422, "Reference name must contain at least three slash-separated components.");
    }
    if (!state.git.isValidRefName(ref)) throw new ApiError(422, `${ref} is not a valid ref name.`);
    assertPointable(context, sha);
    if (state.git.readRef(ref)) throw new ApiError(422, "Reference already exists");
    if (ref.startsWith("refs/tags/")) assertTagCreationAllowed(state, ref.slice("refs/tags/".length));
    assertWorkflowsWritable(state, sha, context.operation.operationId);
    if (!state.git.createRef(ref, sha)) throw new ApiError(422, "Reference update failed");
    const view = refView(context, ref);
    return { status: 201, body: view, headers: { location: String(view?.url) } };
  },
};

const updateRef: Route = {
  operationId: "git/update-ref",
  handle(context) {
    const { state } = context;
    const ref = `refs/${context.params.ref}`;
    const sha = String(context.body.sha);
    const current = state.git.readRef(ref);
    if (!current) throw new ApiError(422, "Reference does not exist");
    assertPointable(context, sha);
    if (ref.startsWith("refs/tags/")) assertTagChangeAllowed(state, ref.slice("refs/tags/".length), "update");
    assertBranchWritable(state, ref);
    if (context.body.force !== true) {
      const from = state.git.peelToCommit(current);
      const to = state.git.peelToCommit(sha);
      if (!from || !to || !state.git.isAncestor(from, to))
        throw new ApiError(422, "Update is not a fast forward");
    }
    assertWorkflowsWritable(state, sha, context.operation.operationId);
    if (!state.git.updateRef(ref, sha)) throw new ApiError(422, "Reference update failed");
    return { status: 200, body: refView(context, ref) };
  },
};

const deleteRef: Route = {
  operationId: "git/delete-ref",
  handle(context) {
    const { state } = context;
    const ref = `refs/${context.params.ref}`;
    if (!state.git.readRef(ref)) throw new ApiError(422, "Reference does not exist");
    if (ref.startsWith("refs/tags/")) assertTagChangeAllowed(state, ref.slice("refs/tags/".length), "delete");
    assertBranchWritable(state, ref);
    if (!state.git.deleteRef(ref)) throw new ApiError(422, "Reference update failed");
    return { status: 204 };
  },
};

export const gitRefRoutes: Route[] = [getRef, listMatchingRefs, createRef, updateRef, deleteRef];
