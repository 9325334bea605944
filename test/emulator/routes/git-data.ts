import { ApiError, notFound, validationFailed } from "../api-error.ts";
import type { CommitInfo, GitPerson } from "../git-objects.ts";
import { listTree, type TreeEntryInput, writeCommit, writeTree } from "../git-write.ts";
import { accountPerson } from "../pulls.ts";
import type { Route } from "../router.ts";
import { type EmulatorState, isoSeconds } from "../state.ts";
import { nodeId, verificationView } from "../views.ts";

/**
 * The Git Data API: trees and commits, written as real git objects into GitHub's copy of the
 * repository, so a client can fetch what it made. GitHub signs a commit it makes for the token
 * (no author, committer or signature given): those answer `verification.verified: true`.
 */

const FULL_SHA = /^[0-9a-f]{40}$/;
const MODE_TYPES: Record<string, string> = {
  "100644": "blob",
  "100755": "blob",
  "120000": "blob",
  "040000": "tree",
  "160000": "commit",
};

type Json = Record<string, unknown>;

function treeView(state: EmulatorState, sha: string): Json {
  const api = state.repoApiUrl;
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: listTree(state.git.dir, sha).map((entry) => ({
      ...entry,
      url: `${api}/git/${entry.type === "tree" ? "trees" : "blobs"}/${entry.sha}`,
    })),
  };
}

export function gitCommitView(state: EmulatorState, commit: CommitInfo): Json {
  const api = state.repoApiUrl;
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${state.repoHtmlUrl}/commit/${commit.sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${state.repoHtmlUrl}/commit/${sha}`,
    })),
    verification: verificationView(state, commit),
  };
}

function entryOf(raw: Json): TreeEntryInput {
  const mode = String(raw.mode ?? "") as TreeEntryInput["mode"];
  const path = String(raw.path ?? "");
  if (
    path === "" ||
    path.startsWith("/") ||
    path.split("/").some((part) => part === "" || part === "." || part === ".." || part === ".git")
  ) {
    throw validationFailed({
      resource: "Tree",
      field: "path",
      code: "invalid",
      message: `tree.path ${path} is invalid`,
    });
  }
  const hasSha = "sha" in raw;
  const hasContent = typeof raw.content === "string";
  if (hasSha === hasContent) {
    throw new ApiError(
      422,
      "Must supply either tree.sha or tree.content. Request will fail if both are supplied.",
    );
  }
  const expected = MODE_TYPES[mode];
  if (raw.type !== undefined && raw.type !== expected) {
    throw new ApiError(422, `tree.type ${String(raw.type)} does not match mode ${mode}`);
  }
  if (hasContent) {
    if (expected !== "blob") throw new ApiError(422, `tree.content needs a blob mode, not ${mode}`);
    return { path, mode, content: String(raw.content) };
  }
  return { path, mode, sha: raw.sha === null ? null : String(raw.sha) };
}

const createTree: Route = {
  operationId: "git/create-tree",
  handle(context) {
    const { state, body } = context;
    const baseTree = body.base_tree === undefined ? undefined : String(body.base_tree);
    if (baseTree !== undefined && (!FULL_SHA.test(baseTree) || state.git.objectType(baseTree) !== "tree")) {
      throw new ApiError(422, "base_tree is not a valid tree oid");
    }
    const entries = (body.tree as Json[]).map(entryOf);
    for (const entry of entries) {
      if (typeof entry.sha !== "string") continue;
      const expected = MODE_TYPES[entry.mode] ?? "blob";
      // A submodule's commit lives in another repository: GitHub takes it unchecked.
      if (expected === "commit") continue;
      if (!FULL_SHA.test(entry.sha) || state.git.objectType(entry.sha) !== expected) {
        throw new ApiError(422, `tree.sha ${entry.sha} is not a valid ${expected}`);
      }
    }
    const sha = writeTree(state.git.dir, baseTree, entries);
    return {
      status: 201,
      body: treeView(state, sha),
      headers: { location: `${state.repoApiUrl}/git/trees/${sha}` },
    };
  },
};

function personOf(raw: unknown, fallback: GitPerson): GitPerson {
  if (raw === undefined) return fallback;
  const given = raw as Partial<GitPerson>;
  const person = {
    name: given.name ?? fallback.name,
    email: given.email ?? fallback.email,
    date: given.date ?? fallback.date,
  };
  if (/[<>\n\0]/.test(person.name) || /[<>\n\0]/.test(person.email)) {
    throw validationFailed({ resource: "Commit", field: "author", code: "invalid" });
  }
  return person;
}

const createCommit: Route = {
  operationId: "git/create-commit",
  handle(context) {
    const { state, body } = context;
    const tree = String(body.tree);
    if (!FULL_SHA.test(tree) || state.git.objectType(tree) !== "tree") {
      throw new ApiError(422, "Tree SHA does not exist");
    }
    const parents = ((body.parents as string[] | undefined) ?? []).map(String);
    for (const parent of parents) {
      if (!FULL_SHA.test(parent) || state.git.objectType(parent) !== "commit") {
        throw new ApiError(422, "Parent SHA does not exist or is not a commit object");
      }
    }
    const author = personOf(body.author, accountPerson(context.options.actor, isoSeconds()));
    const committer = personOf(body.committer, author);
    const sha = writeCommit(state.git.dir, {
      tree,
      parents,
      author,
      committer,
      message: String(body.message),
    });
    // GitHub signs what it commits as the token's own account; not a commit told to be someone else's.
    if (body.author === undefined && body.committer === undefined && body.signature === undefined) {
      state.signedCommits.add(sha);
    }
    const commit = state.git.readCommit(sha);
    if (!commit) throw new Error(`emulator: commit ${sha} was not written`);
    return {
      status: 201,
      body: gitCommitView(state, commit),
      headers: { location: `${state.repoApiUrl}/git/commits/${sha}` },
    };
  },
};

const getCommit: Route = {
  operationId: "git/get-commit",
  handle(context) {
    const sha = context.params.commit_sha ?? "";
    const commit =
      FULL_SHA.test(sha) && context.state.git.objectType(sha) === "commit"
        ? context.state.git.readCommit(sha)
        : undefined;
    if (!commit) throw notFound();
    return { status: 200, body: gitCommitView(context.state, commit) };
  },
};

export const gitDataRoutes: Route[] = [createTree, createCommit, getCommit];
