import { ApiError, notFound, validationFailed } from "../api-error.ts";
import type { GitPerson } from "../git-objects.ts";
import type { Route } from "../router.ts";
import { isoSeconds } from "../state.ts";
import { gitTagView } from "../views.ts";

/** Annotated tag objects: real git tag objects written into the backing repository. */

const FULL_SHA = /^[0-9a-f]{40}$/;

const createTag: Route = {
  operationId: "git/create-tag",
  handle(context) {
    const { state, body } = context;
    const tag = String(body.tag);
    const object = String(body.object);
    const type = body.type as "commit" | "tree" | "blob";
    if (!state.git.isValidRefName(`refs/tags/${tag}`)) {
      throw validationFailed({ resource: "Tag", field: "tag", code: "invalid" });
    }
    if (!FULL_SHA.test(object) || state.git.objectType(object) !== type) {
      throw new ApiError(422, "Object does not exist");
    }
    const given = body.tagger as Partial<GitPerson> | undefined;
    const actor = state.options.actor;
    const tagger: GitPerson = {
      name: given?.name ?? actor.login,
      email: given?.email ?? `${actor.id}+${actor.login}@users.noreply.github.com`,
      date: given?.date ?? isoSeconds(),
    };
    for (const field of ["name", "email"] as const) {
      if (/[<>\n\0]/.test(tagger[field])) {
        throw validationFailed({ resource: "Tag", field: `tagger.${field}`, code: "invalid" });
      }
    }
    const sha = state.git.writeTag({ tag, object, type, message: String(body.message), tagger });
    const info = state.git.readTag(sha);
    return { status: 201, body: info ? gitTagView(state, info) : undefined };
  },
};

const getTag: Route = {
  operationId: "git/get-tag",
  handle(context) {
    const sha = context.params.tag_sha ?? "";
    const info = FULL_SHA.test(sha) ? context.state.git.readTag(sha) : undefined;
    if (!info) throw notFound();
    return { status: 200, body: gitTagView(context.state, info) };
  },
};

export const gitTagRoutes: Route[] = [createTag, getTag];
