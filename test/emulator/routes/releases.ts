import { randomBytes } from "node:crypto";
import { ApiError, notFound, validationFailed } from "../api-error.ts";
import { paginate } from "../pagination.ts";
import { assertTagCreationAllowed, IMMUTABLE_RELEASE_MESSAGE } from "../ref-rules.ts";
import type { HandlerContext, Route } from "../router.ts";
import { type EmulatorState, isoSeconds, type ReleaseRecord } from "../state.ts";
import { releaseView } from "../views.ts";

/**
 * GitHub Releases. A draft has no tag; publishing creates the tag at target_commitish when it does
 * not exist yet. Only one published release per tag (drafts may share one). With immutable releases
 * on, publishing locks the tag and burns its name for ever.
 */

type MakeLatest = ReleaseRecord["makeLatest"];

/** GitHub shows draft releases only to tokens that may push (contents: write). */
function seesDrafts(context: HandlerContext): boolean {
  const permissions = context.options.permissions;
  return permissions === undefined || permissions.contents === "write";
}

function findRelease(context: HandlerContext): ReleaseRecord {
  const id = Number(context.params.release_id);
  const release = context.state.releases.find((candidate) => candidate.id === id);
  if (!release || (release.draft && !seesDrafts(context))) throw notFound();
  return release;
}

function assertTagName(state: EmulatorState, tagName: string): void {
  if (tagName === "" || !state.git.isValidRefName(`refs/tags/${tagName}`)) {
    throw validationFailed({ resource: "Release", code: "invalid", field: "tag_name" });
  }
  if (state.burnedTags.has(tagName)) {
    throw validationFailed({
      resource: "Release",
      code: "custom",
      field: "tag_name",
      message: IMMUTABLE_RELEASE_MESSAGE,
    });
  }
}

function assertNoOtherPublished(state: EmulatorState, tagName: string, self?: ReleaseRecord): void {
  const other = state.publishedRelease(tagName);
  if (other && other !== self) {
    throw validationFailed({ resource: "Release", code: "already_exists", field: "tag_name" });
  }
}

/** The tag a published release needs: kept if it exists, else created on target_commitish. */
function ensureTag(state: EmulatorState, tagName: string, targetCommitish: string): void {
  const ref = `refs/tags/${tagName}`;
  if (state.git.readRef(ref)) return;
  const commit = state.resolveCommitish(targetCommitish);
  if (!commit) throw validationFailed({ resource: "Release", code: "invalid", field: "target_commitish" });
  assertTagCreationAllowed(state, tagName);
  if (state.options.workflowScopeMissing) {
    const touchesWorkflows = state.git
      .changedFiles(commit)
      .some(
        (file) =>
          file.filename.startsWith(".github/workflows/") ||
          file.previousFilename?.startsWith(".github/workflows/"),
      );
    // GitHub hides the reason: a token without the workflow scope gets a bare 404.
    if (touchesWorkflows) throw notFound();
  }
  if (!state.git.createRef(ref, commit)) throw new ApiError(422, "Reference update failed");
}

function publish(state: EmulatorState, release: ReleaseRecord): void {
  release.draft = false;
  release.publishedAt = isoSeconds();
  if (state.options.immutableReleases) {
    release.immutable = true;
    state.burnedTags.add(release.tagName);
  }
  applyMakeLatest(state, release, release.makeLatest);
}

function applyMakeLatest(state: EmulatorState, release: ReleaseRecord, makeLatest: MakeLatest): void {
  if (release.draft || release.prerelease) return;
  if (makeLatest === "true") state.markLatest(release);
}

const createRelease: Route = {
  operationId: "repos/create-release",
  handle(context) {
    const { state, body } = context;
    const tagName = String(body.tag_name);
    const draft = body.draft === true;
    assertTagName(state, tagName);
    if (!draft) assertNoOtherPublished(state, tagName);
    const targetCommitish =
      typeof body.target_commitish === "string" ? body.target_commitish : state.defaultBranch;
    if (!state.git.readRef(`refs/tags/${tagName}`) && !state.resolveCommitish(targetCommitish)) {
      throw validationFailed({ resource: "Release", code: "invalid", field: "target_commitish" });
    }
    if (!draft) ensureTag(state, tagName, targetCommitish);

    const now = isoSeconds();
    const generated =
      body.generate_release_notes === true
        ? `## What's Changed\n\n**Full Changelog**: ${state.repoHtmlUrl}/commits/${tagName}`
        : null;
    const release: ReleaseRecord = {
      id: state.newId("release"),
      tagName,
      targetCommitish,
      name: typeof body.name === "string" ? body.name : null,
      body: typeof body.body === "string" ? body.body : generated,
      draft: true,
      prerelease: body.prerelease === true,
      immutable: false,
      makeLatest: (body.make_latest as MakeLatest | undefined) ?? "true",
      createdAt: now,
      publishedAt: null,
      updatedAt: now,
      untaggedId: `untagged-${randomBytes(10).toString("hex")}`,
    };
    state.releases.push(release);
    if (!draft) publish(state, release);
    return { status: 201, body: releaseView(state, release) };
  },
};

const updateRelease: Route = {
  operationId: "repos/update-release",
  handle(context) {
    const { state, body } = context;
    const release = findRelease(context);
    const tagName = typeof body.tag_name === "string" ? body.tag_name : release.tagName;
    const targetCommitish =
      typeof body.target_commitish === "string" ? body.target_commitish : release.targetCommitish;
    const draft = typeof body.draft === "boolean" ? body.draft : release.draft;

    if (release.immutable) {
      const changes = tagName !== release.tagName || targetCommitish !== release.targetCommitish || draft;
      if (changes) {
        throw validationFailed({
          resource: "Release",
          code: "custom",
          field: tagName !== release.tagName ? "tag_name" : draft ? "draft" : "target_commitish",
          message: `Cannot change the tag, target or draft state of an immutable release: ${IMMUTABLE_RELEASE_MESSAGE}`,
        });
      }
    }
    if (tagName !== release.tagName) assertTagName(state, tagName);
    if (!draft) {
      assertNoOtherPublished(state, tagName, release);
      ensureTag(state, tagName, targetCommitish);
    }

    const wasDraft = release.draft;
    release.tagName = tagName;
    release.targetCommitish = targetCommitish;
    if (typeof body.name === "string") release.name = body.name;
    if (typeof body.body === "string") release.body = body.body;
    if (typeof body.prerelease === "boolean") release.prerelease = body.prerelease;
    if (typeof body.make_latest === "string") release.makeLatest = body.make_latest as MakeLatest;
    release.updatedAt = isoSeconds();
    if (wasDraft && !draft) publish(state, release);
    else if (!wasDraft && draft) {
      release.draft = true;
      release.publishedAt = null;
    } else if (typeof body.make_latest === "string") applyMakeLatest(state, release, release.makeLatest);
    return { status: 200, body: releaseView(state, release) };
  },
};

const deleteRelease: Route = {
  operationId: "repos/delete-release",
  handle(context) {
    const release = findRelease(context);
    const { releases } = context.state;
    releases.splice(releases.indexOf(release), 1);
    return { status: 204 };
  },
};

const getRelease: Route = {
  operationId: "repos/get-release",
  handle: (context) => ({ status: 200, body: releaseView(context.state, findRelease(context)) }),
};

const getReleaseByTag: Route = {
  operationId: "repos/get-release-by-tag",
  handle(context) {
    const release = context.state.publishedRelease(context.params.tag ?? "");
    if (!release) throw notFound();
    return { status: 200, body: releaseView(context.state, release) };
  },
};

const getLatestRelease: Route = {
  operationId: "repos/get-latest-release",
  handle(context) {
    const release = context.state.latestRelease();
    if (!release) throw notFound();
    return { status: 200, body: releaseView(context.state, release) };
  },
};

const listReleases: Route = {
  operationId: "repos/list-releases",
  handle(context) {
    const visible = context.state.releases.filter((release) => !release.draft || seesDrafts(context));
    const newestFirst = visible.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const page = paginate(context, newestFirst);
    return {
      status: 200,
      body: page.items.map((release) => releaseView(context.state, release)),
      headers: page.headers,
    };
  },
};

export const releaseRoutes: Route[] = [
  createRelease,
  updateRelease,
  deleteRelease,
  getRelease,
  getReleaseByTag,
  getLatestRelease,
  listReleases,
];
