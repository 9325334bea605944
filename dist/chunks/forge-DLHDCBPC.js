import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  reconciledWrite
} from "./chunk-VIBGHTFE.js";
import {
  isAlreadyExists,
  statusOf,
  toShipguardError
} from "./chunk-TDIGCY53.js";
import "./chunk-XD65SSXG.js";
import "./chunk-YFF7JLRY.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/github/forge.ts
async function call(info, fn) {
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
  }
  octokit;
  repo;
  logger;
  describe;
  releases;
  async tagCommit(tag) {
    const read = { doing: `read the tag ${tag}`, scope: "contents: read" };
    const ref = await orNull(read, () => this.octokit.rest.git.getRef({ ...this.repo, ref: `tags/${tag}` }));
    if (ref === null) return null;
    let object = ref.data.object;
    for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
      const sha = object.sha;
      const tagObject = await call(read, () => this.octokit.rest.git.getTag({ ...this.repo, tag_sha: sha }));
      object = tagObject.data.object;
    }
    return object.type === "commit" ? object.sha : null;
  }
  async createTag(tag, sha, message) {
    const info = { doing: `create the tag ${tag}`, scope: "contents: write" };
    const object = await call(
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
      await call(info, update);
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
    const list = await call(
      info,
      () => this.octokit.rest.repos.listReleases({ ...this.repo, per_page: 100 })
    );
    const matches = list.data.filter((r) => r.tag_name === tag);
    const chosen = matches.find((r) => !r.draft) ?? matches.at(-1);
    if (chosen === void 0) return null;
    if (matches.length > 1)
      this.logger.warning(`${matches.length} releases exist for ${tag}; using ${chosen.html_url}.`);
    return toInfo(chosen);
  }
  async createDraft(input) {
    const info = { doing: `create the release ${input.tag}`, scope: "contents: write" };
    return reconciledWrite({
      info,
      logger: this.logger,
      // No automatic retry: a lost answer would make a second draft. Reconcile instead.
      send: async () => toInfo(
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
      return { state: "published", release: toInfo(updated.data) };
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
function toInfo(r) {
  return { id: r.id, url: r.html_url, draft: r.draft, tagName: r.tag_name };
}
export {
  GitHubForge
};
