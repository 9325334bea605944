import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  reconciledWrite
} from "./chunk-CPMXLYHQ.js";
import {
  answerOf,
  isAlreadyExists,
  statusOf,
  toShipguardError
} from "./chunk-PXHYN4KK.js";
import "./chunk-XD65SSXG.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/github/files.ts
var PROTECTED = /protected branch|must be made through a pull request|GH006|GH013|rule violations|cannot force-push|required status check|status checks? (are|is) expected/i;
async function commitFiles(octokit, repo, logger, request) {
  const { branch, parent } = request;
  const write = { doing: `commit the release's files on ${branch}`, scope: "contents: write" };
  const tip = await branchHead(octokit, repo, branch);
  if (!request.force && tip !== null && tip !== parent) {
    const made = await call(
      { doing: `read the commit ${tip}`, scope: "contents: read" },
      () => octokit.rest.git.getCommit({ ...repo, commit_sha: tip })
    );
    const { parents, message } = made.data;
    if (parents.length === 1 && parents[0]?.sha === parent && message.trim() === request.message.trim())
      return { sha: tip, found: true };
  }
  const parentCommit = await call(
    { ...write, doing: `read the commit ${parent}`, scope: "contents: read" },
    () => octokit.rest.git.getCommit({ ...repo, commit_sha: parent })
  );
  const tree = await call(
    write,
    () => octokit.rest.git.createTree({
      ...repo,
      base_tree: parentCommit.data.tree.sha,
      tree: request.files.map((file) => ({
        path: file.path,
        mode: file.mode ?? "100644",
        type: "blob",
        content: file.after
      }))
    })
  );
  const commit = await call(
    write,
    () => octokit.rest.git.createCommit({
      ...repo,
      message: request.message,
      tree: tree.data.sha,
      parents: [parent]
    })
  );
  const sha = commit.data.sha;
  logger.debug(`Made the commit ${sha} (${request.files.length} files) for ${branch}.`);
  await pointBranch(octokit, repo, logger, request, sha, tip !== null);
  return { sha, found: false };
}
async function call(info, fn) {
  try {
    return await fn();
  } catch (error) {
    throw toShipguardError(error, info);
  }
}
async function branchHead(octokit, repo, branch) {
  try {
    const ref = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw toShipguardError(error, { doing: `read the branch ${branch}`, scope: "contents: read" });
  }
}
async function pointBranch(octokit, repo, logger, request, sha, exists) {
  const { branch } = request;
  const info = {
    doing: `move the branch ${branch} to ${sha}`,
    scope: "contents: write",
    operation: "write-ref"
  };
  const refused = (error) => refusal(error, info, request);
  const update = () => octokit.rest.git.updateRef({
    ...repo,
    ref: `heads/${branch}`,
    sha,
    force: request.force,
    request: { retries: 0 }
  });
  const create = () => octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha, request: { retries: 0 } });
  const madeAlready = async () => await branchHead(octokit, repo, branch) === sha ? true : null;
  try {
    await reconciledWrite({
      info,
      logger,
      send: async () => {
        try {
          await (exists ? update() : create());
        } catch (error) {
          if (exists || !isAlreadyExists(error)) throw error;
          if (await madeAlready() === null) await update();
        }
        return true;
      },
      made: madeAlready,
      said: (status) => `Moving ${branch} failed (${status}); checking whether it moved.`
    });
  } catch (error) {
    throw refused(error.cause ?? error);
  }
}
function refusal(error, info, request) {
  const answer = answerOf(error, info.doing);
  const { status, said } = answer;
  if ((status === 422 || status === 403) && PROTECTED.test(said)) {
    return shipguardError("SG_BRANCH_PROTECTED", { ...answer, branch: request.branch }, { cause: error });
  }
  if (status === 422 && /not a fast.?forward/i.test(said)) {
    return shipguardError(
      "SG_BRANCH_MOVED",
      { ...answer, branch: request.branch, parent: request.parent },
      { cause: error }
    );
  }
  return toShipguardError(error, { ...info, tokenWrote: "the release commit" });
}

// src/adapters/github/pulls.ts
var FORBIDDEN = /not permitted to create or approve pull requests/i;
function isFromFork(headRepo, repo) {
  return headRepo === null || headRepo.full_name.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase();
}
function toInfo(pull, repo) {
  const merged = pull.merged ?? pull.merged_at !== null;
  return {
    number: pull.number,
    url: pull.html_url,
    state: pull.state === "closed" ? "closed" : "open",
    merged,
    // GitHub fills merge_commit_sha with a test merge while a pull request is open: not a merge.
    mergeCommitSha: merged ? pull.merge_commit_sha : null,
    head: pull.head.ref,
    fromFork: isFromFork(pull.head.repo, repo),
    base: pull.base.ref,
    title: pull.title,
    body: pull.body ?? "",
    labels: pull.labels.flatMap((label) => label.name === void 0 ? [] : [label.name])
  };
}
var GitHubPullRequests = class {
  constructor(octokit, repo, logger) {
    this.octokit = octokit;
    this.repo = repo;
    this.logger = logger;
  }
  octokit;
  repo;
  logger;
  toInfo(pull) {
    return toInfo(pull, this.repo);
  }
  async call(doing, scope, fn) {
    try {
      return await fn();
    } catch (error) {
      throw toShipguardError(error, { doing, scope });
    }
  }
  async findOpen(head, base) {
    const list = await this.call(
      `look for the open pull request from ${head}`,
      "pull-requests: read",
      () => this.octokit.rest.pulls.list({
        ...this.repo,
        state: "open",
        head: `${this.repo.owner}:${head}`,
        base,
        per_page: 100
      })
    );
    const found = list.data.map((pull) => this.toInfo(pull)).find((pull) => !pull.fromFork && pull.head === head && pull.base === base);
    return found ?? null;
  }
  async listMerged(head, base, limit) {
    const list = await this.call(
      `list the merged pull requests from ${head}`,
      "pull-requests: read",
      () => this.octokit.rest.pulls.list({
        ...this.repo,
        state: "closed",
        head: `${this.repo.owner}:${head}`,
        base,
        sort: "updated",
        direction: "desc",
        per_page: Math.min(100, Math.max(1, limit))
      })
    );
    return list.data.map((pull) => this.toInfo(pull)).filter((pull) => !pull.fromFork && pull.head === head && pull.base === base && pull.merged);
  }
  async forCommit(sha) {
    const list = await this.call(
      `list the pull requests of ${sha}`,
      "pull-requests: read",
      () => this.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...this.repo,
        commit_sha: sha,
        per_page: 100
      })
    );
    return list.data.map((pull) => this.toInfo(pull));
  }
  async create(input) {
    const doing = `open the pull request from ${input.head} to ${input.base}`;
    const existing = () => this.findOpen(input.head, input.base);
    try {
      return await reconciledWrite({
        info: { doing, scope: "pull-requests: write" },
        logger: this.logger,
        send: async () => this.toInfo(
          (await this.octokit.rest.pulls.create({
            ...this.repo,
            head: input.head,
            base: input.base,
            title: input.title,
            body: input.body,
            request: { retries: 0 }
          })).data
        ),
        made: existing,
        said: (status) => `Opening the pull request failed (${status}); checking whether it was opened.`
      });
    } catch (error) {
      const cause = error.cause ?? error;
      if (statusOf(cause) === 403 && FORBIDDEN.test(answerOf(cause, doing).said)) {
        throw shipguardError(
          "SG_PR_CREATION_FORBIDDEN",
          { ...answerOf(cause, doing), repository: `${this.repo.owner}/${this.repo.repo}` },
          { cause }
        );
      }
      if (isAlreadyExists(cause)) {
        const found = await existing();
        if (found !== null) return found;
      }
      throw error;
    }
  }
  async update(pullNumber, change) {
    const updated = await this.call(
      `update the pull request #${pullNumber}`,
      "pull-requests: write",
      () => this.octokit.rest.pulls.update({ ...this.repo, pull_number: pullNumber, ...change })
    );
    return this.toInfo(updated.data);
  }
  async setLabels(pullNumber, change) {
    if (change.add.length > 0) {
      await this.call(
        `label the pull request #${pullNumber}`,
        "pull-requests: write",
        () => this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: pullNumber, labels: change.add })
      );
    }
    for (const name of change.remove) {
      try {
        await this.octokit.rest.issues.removeLabel({ ...this.repo, issue_number: pullNumber, name });
      } catch (error) {
        if (statusOf(error) === 404) continue;
        throw toShipguardError(error, {
          doing: `unlabel the pull request #${pullNumber}`,
          scope: "pull-requests: write"
        });
      }
    }
  }
  async comment(pullNumber, body) {
    const since = new Date(Date.now() - 6e4).toISOString();
    await reconciledWrite({
      info: { doing: `comment on the pull request #${pullNumber}`, scope: "pull-requests: write" },
      logger: this.logger,
      send: async () => {
        await this.octokit.rest.issues.createComment({
          ...this.repo,
          issue_number: pullNumber,
          body,
          request: { retries: 0 }
        });
        return true;
      },
      made: async () => {
        const list = await this.octokit.rest.issues.listComments({
          ...this.repo,
          issue_number: pullNumber,
          since,
          per_page: 100
        });
        return list.data.some((comment) => comment.body === body) ? true : null;
      },
      said: (status) => `Commenting failed (${status}); checking whether the comment was made.`
    });
  }
};

// src/adapters/github/forge.ts
async function call2(info, fn) {
  try {
    return await fn();
  } catch (error) {
    throw toShipguardError(error, info);
  }
}
async function orNull(info, fn) {
  try {
    return await fn();
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw toShipguardError(error, info);
  }
}
var GitHubForge = class {
  constructor(octokit, repo, logger) {
    this.octokit = octokit;
    this.repo = repo;
    this.logger = logger;
    this.describe = `${repo.owner}/${repo.repo} on GitHub`;
    this.releases = new GitHubReleases(octokit, repo, logger);
    this.pullRequests = new GitHubPullRequests(octokit, repo, logger);
  }
  octokit;
  repo;
  logger;
  describe;
  releases;
  pullRequests;
  /** One tree (contents inline), one commit, one ref write: see files.ts. */
  commitFiles(request) {
    return commitFiles(this.octokit, this.repo, this.logger, request);
  }
  async tagCommit(tag) {
    const read = { doing: `read the tag ${tag}`, scope: "contents: read" };
    const ref = await orNull(read, () => this.octokit.rest.git.getRef({ ...this.repo, ref: `tags/${tag}` }));
    if (ref === null) return null;
    let object = ref.data.object;
    for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
      const sha = object.sha;
      const tagObject = await call2(read, () => this.octokit.rest.git.getTag({ ...this.repo, tag_sha: sha }));
      object = tagObject.data.object;
    }
    return object.type === "commit" ? object.sha : null;
  }
  async createTag(tag, sha, message) {
    const info = { doing: `create the tag ${tag}`, scope: "contents: write" };
    const object = await call2(
      info,
      () => this.octokit.rest.git.createTag({ ...this.repo, tag, message, object: sha, type: "commit" })
    );
    try {
      await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
      return "created";
    } catch (error) {
      if (isAlreadyExists(error)) return "exists";
      throw toShipguardError(error, {
        ...info,
        operation: "write-ref",
        tokenWrote: `the tag object of ${tag}`
      });
    }
  }
  async moveTag(tag, sha) {
    const info = { doing: `move the tag ${tag}`, scope: "contents: write", operation: "write-ref" };
    const now = await this.tagCommit(tag);
    if (now === sha) return "kept";
    const update = () => this.octokit.rest.git.updateRef({ ...this.repo, ref: `tags/${tag}`, sha, force: true });
    if (now !== null) {
      try {
        await update();
        return "moved";
      } catch (error) {
        if (statusOf(error) !== 422 && statusOf(error) !== 404) throw toShipguardError(error, info);
      }
    }
    this.logger.debug(`The tag ${tag} does not exist yet: creating it.`);
    try {
      await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/tags/${tag}`, sha });
    } catch (error) {
      if (!isAlreadyExists(error)) throw toShipguardError(error, info);
      await call2(info, update);
    }
    return "moved";
  }
};
var GitHubReleases = class {
  constructor(octokit, repo, logger) {
    this.octokit = octokit;
    this.repo = repo;
    this.logger = logger;
  }
  octokit;
  repo;
  logger;
  async find(tag) {
    const info = { doing: `look for the release of ${tag}`, scope: "contents: write" };
    const list = await call2(
      info,
      () => this.octokit.rest.repos.listReleases({ ...this.repo, per_page: 100 })
    );
    const matches = list.data.filter((r) => r.tag_name === tag);
    const chosen = matches.find((r) => !r.draft) ?? matches.at(-1);
    if (chosen === void 0) return null;
    if (matches.length > 1)
      this.logger.warning(`${matches.length} releases exist for ${tag}; using ${chosen.html_url}.`);
    return toInfo2(chosen);
  }
  async createDraft(input) {
    const info = { doing: `create the release ${input.tag}`, scope: "contents: write" };
    return reconciledWrite({
      info,
      logger: this.logger,
      // No automatic retry: a lost answer would make a second draft. Reconcile instead.
      send: async () => toInfo2(
        (await this.octokit.rest.repos.createRelease({
          ...this.repo,
          tag_name: input.tag,
          name: input.name,
          body: input.body,
          draft: true,
          prerelease: input.prerelease,
          request: { retries: 0 }
        })).data
      ),
      made: () => this.find(input.tag),
      said: (status) => `Creating the release ${input.tag} failed (${status}); checking whether it was made.`
    });
  }
  async publish(release, options) {
    const info = { doing: `publish the release ${release.tagName}`, scope: "contents: write" };
    try {
      const updated = await this.octokit.rest.repos.updateRelease({
        ...this.repo,
        release_id: release.id,
        draft: false,
        make_latest: options.makeLatest ? "true" : "false"
      });
      return { state: "published", release: toInfo2(updated.data) };
    } catch (error) {
      if (!isAlreadyExists(error) && statusOf(error) !== 404) throw toShipguardError(error, info);
      const published = await this.find(release.tagName);
      if (published === null || published.draft || published.id === release.id)
        throw toShipguardError(error, info);
      return { state: "taken", by: published };
    }
  }
  async deleteDraft(release) {
    const info = { doing: `delete the draft release ${release.url}`, scope: "contents: write" };
    await orNull(info, () => this.octokit.rest.repos.deleteRelease({ ...this.repo, release_id: release.id }));
  }
};
function toInfo2(r) {
  return { id: r.id, url: r.html_url, draft: r.draft, tagName: r.tag_name };
}
export {
  GitHubForge
};
