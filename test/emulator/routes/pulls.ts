import { ApiError, notFound, validationFailed } from "../api-error.ts";
import { commitsBetween } from "../git-write.ts";
import { assertTitleLength } from "../issues.ts";
import { GITHUB_ACTIONS_BOT } from "../options.ts";
import { paginate } from "../pagination.ts";
import { pullSimpleView, pullView } from "../pull-views.ts";
import {
  branchSha,
  closePull,
  findPull,
  headOwner,
  liveHeadSha,
  type MergeMethod,
  mergePull,
  openPull,
  type PullRecord,
  pullCommits,
  reopenPull,
} from "../pulls.ts";
import type { HandlerContext, Route } from "../router.ts";
import { isoSeconds } from "../state.ts";

/**
 * The Pulls API: list, open, read, edit, merge, and the pull requests a commit belongs to. One
 * open pull request per head and base: a second POST gets 422 "A pull request already exists",
 * the lock two racing runs meet. A repository that forbids Actions to open pull requests answers
 * 403 with GitHub's words (peter-evans/create-pull-request#1175, #3979; release-please-action#767).
 */

export const PR_CREATION_FORBIDDEN = "GitHub Actions is not permitted to create or approve pull requests.";

function pullOf(context: HandlerContext): PullRecord {
  const pull = findPull(context.state, Number(context.params.pull_number));
  if (!pull) throw notFound();
  return pull;
}

/** `head` is "owner:branch" (or a bare branch of this repository). */
function headBranch(context: HandlerContext, head: string): string | undefined {
  const colon = head.indexOf(":");
  if (colon === -1) return head;
  return head.slice(0, colon).toLowerCase() === context.state.owner.toLowerCase()
    ? head.slice(colon + 1)
    : undefined;
}

/**
 * pulls/list's `head` filter, as GitHub applies it: `user:branch` is that user's branch (this
 * repository's owner's, or a fork's owner's), so `acme:x` never lists a fork's `x`.
 */
function headMatches(context: HandlerContext, pull: PullRecord, filter: string): boolean {
  const colon = filter.indexOf(":");
  const owner = colon === -1 ? context.state.owner : filter.slice(0, colon);
  const branch = colon === -1 ? filter : filter.slice(colon + 1);
  return headOwner(context.state, pull).toLowerCase() === owner.toLowerCase() && pull.head === branch;
}

const listPulls: Route = {
  operationId: "pulls/list",
  handle(context) {
    const { state, query } = context;
    const wanted = String(query.state ?? "open");
    const sort = String(query.sort ?? "created");
    const direction = String(query.direction ?? (sort === "created" ? "desc" : "asc"));
    if (sort === "popularity" || sort === "long-running") {
      throw new Error(`emulator: sorting pull requests by ${sort} is not emulated`);
    }
    const matching = state.pulls.filter(
      (pull) =>
        (wanted === "all" || pull.issue.state === wanted) &&
        (query.head === undefined || headMatches(context, pull, String(query.head))) &&
        (query.base === undefined || pull.base === String(query.base)),
    );
    const key = (pull: PullRecord) => (sort === "updated" ? pull.issue.updatedAt : pull.issue.createdAt);
    const sign = direction === "asc" ? 1 : -1;
    matching.sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number));
    const page = paginate(context, matching);
    return {
      status: 200,
      body: page.items.map((pull) => pullSimpleView(state, pull)),
      headers: page.headers,
    };
  },
};

const createPull: Route = {
  operationId: "pulls/create",
  handle(context) {
    const { state, body, options } = context;
    // The setting binds GITHUB_TOKEN only: a GitHub App token or a PAT (another actor) still may.
    if (options.forbidPullRequestCreation && options.actor.login === GITHUB_ACTIONS_BOT.login) {
      throw new ApiError(403, PR_CREATION_FORBIDDEN);
    }
    if (body.issue !== undefined || body.head_repo !== undefined) {
      throw new Error("emulator: pull requests from an issue or a fork are not emulated");
    }
    const head = headBranch(context, String(body.head));
    const base = String(body.base);
    const title = typeof body.title === "string" ? body.title.trim() : "";
    if (title === "")
      throw validationFailed({ resource: "PullRequest", code: "missing_field", field: "title" });
    assertTitleLength(title);
    if (!head || !branchSha(state, head))
      throw validationFailed({ resource: "PullRequest", code: "invalid", field: "head" });
    if (!branchSha(state, base))
      throw validationFailed({ resource: "PullRequest", code: "invalid", field: "base" });
    const existing = state.pulls.find(
      (pull) => pull.issue.state === "open" && pull.fork === null && pull.head === head && pull.base === base,
    );
    if (existing) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `A pull request already exists for ${state.owner}:${head}.`,
      });
    }
    const from = branchSha(state, base) ?? "";
    if (commitsBetween(state.git.dir, from, branchSha(state, head) ?? "").length === 0) {
      throw validationFailed({
        resource: "PullRequest",
        code: "custom",
        message: `No commits between ${base} and ${head}`,
      });
    }
    const pull = openPull(state, {
      head,
      base,
      title,
      body: typeof body.body === "string" ? body.body : null,
      draft: body.draft === true,
      user: options.actor,
    });
    return {
      status: 201,
      body: pullView(state, pull),
      headers: { location: `${state.repoApiUrl}/pulls/${pull.number}` },
    };
  },
};

const getPull: Route = {
  operationId: "pulls/get",
  handle: (context) => ({ status: 200, body: pullView(context.state, pullOf(context)) }),
};

const updatePull: Route = {
  operationId: "pulls/update",
  handle(context) {
    const { state, body } = context;
    const pull = pullOf(context);
    if (body.base !== undefined && body.base !== pull.base) {
      throw new Error("emulator: changing a pull request's base is not emulated");
    }
    if (typeof body.title === "string") {
      if (body.title.trim() === "")
        throw validationFailed({ resource: "PullRequest", code: "missing_field", field: "title" });
      assertTitleLength(body.title);
      pull.issue.title = body.title;
    }
    if (typeof body.body === "string") pull.issue.body = body.body;
    if (body.state === "closed" && pull.issue.state === "open") closePull(state, pull);
    if (body.state === "open" && pull.issue.state === "closed") {
      if (pull.merged)
        throw validationFailed({
          resource: "PullRequest",
          code: "custom",
          message: "Cannot reopen a merged pull request",
        });
      if (!liveHeadSha(state, pull)) {
        throw validationFailed({
          resource: "PullRequest",
          code: "custom",
          field: "state",
          message: "state cannot be changed. The head branch was deleted.",
        });
      }
      reopenPull(pull);
    }
    pull.issue.updatedAt = isoSeconds();
    return { status: 200, body: pullView(state, pull) };
  },
};

const mergePullRoute: Route = {
  operationId: "pulls/merge",
  handle(context) {
    const { state, body } = context;
    const pull = pullOf(context);
    if (typeof body.sha === "string" && body.sha !== liveHeadSha(state, pull)) {
      throw new ApiError(409, "Head branch was modified. Review and try the merge again.");
    }
    const sha = mergePull(state, pull, {
      method: (body.merge_method as MergeMethod | undefined) ?? "merge",
      by: context.options.actor,
      title: typeof body.commit_title === "string" ? body.commit_title : undefined,
      message: typeof body.commit_message === "string" ? body.commit_message : undefined,
    });
    return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
  },
};

/**
 * The pull requests a commit is associated with: for a merged one, the commits its merge wrote on
 * the base branch (merge, squash or rebased commits) and its own commits; for an open or closed
 * one, its commits.
 */
const pullsForCommit: Route = {
  operationId: "repos/list-pull-requests-associated-with-commit",
  handle(context) {
    const { state } = context;
    const given = context.params.commit_sha ?? "";
    const sha = state.git.expandSha(given);
    if (!sha || state.git.objectType(sha) !== "commit")
      throw new ApiError(422, `No commit found for SHA: ${given}`);
    const matching = state.pulls.filter(
      (pull) => pull.landedCommits.includes(sha) || pullCommits(state, pull).includes(sha),
    );
    const page = paginate(context, matching);
    return {
      status: 200,
      body: page.items.map((pull) => pullSimpleView(state, pull)),
      headers: page.headers,
    };
  },
};

export const pullRoutes: Route[] = [
  listPulls,
  createPull,
  getPull,
  updatePull,
  mergePullRoute,
  pullsForCommit,
];
