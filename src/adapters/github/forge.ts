/**
 * The Forge port on GitHub's REST API. Each write is made safe to repeat: refs are first-writer-wins
 * (422 "Reference already exists" is read back, never retried blindly), and a release, which has
 * no natural key, is sent without automatic retries and reconciled by its tag before a resend.
 */
import type {
  CommitRequest,
  Forge,
  Logger,
  PublishOutcome,
  PullRequestPort,
  ReleaseInfo,
  ReleasePort,
} from "../../ports.ts";
import type { GitHubClient } from "./client.ts";
import { type CallInfo, isAlreadyExists, statusOf, toShipguardError } from "./errors.ts";
import { commitFiles } from "./files.ts";
import { GitHubPullRequests } from "./pulls.ts";
import { reconciledWrite } from "./reconciled-write.ts";

export interface RepoRef {
  owner: string;
  repo: string;
}

async function call<T>(info: CallInfo, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toShipguardError(error, info);
  }
}

/** Reads a 404 as "absent" and anything else as the failure it is. */
async function orNull<T>(info: CallInfo, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw toShipguardError(error, info);
  }
}

export class GitHubForge implements Forge {
  readonly describe: string;
  readonly releases: ReleasePort;
  readonly pullRequests: PullRequestPort;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly logger: Logger,
  ) {
    this.describe = `${repo.owner}/${repo.repo} on GitHub`;
    this.releases = new GitHubReleases(octokit, repo, logger);
    this.pullRequests = new GitHubPullRequests(octokit, repo, logger);
  }

  /** One tree (contents inline), one commit, one ref write: see files.ts. */
  commitFiles(request: CommitRequest): Promise<{ sha: string; found: boolean }> {
    return commitFiles(this.octokit, this.repo, this.logger, request);
  }

  async tagCommit(tag: string): Promise<string | null> {
    const read = { doing: `read the tag ${tag}`, scope: "contents: read" } as const;
    const ref = await orNull(read, () => this.octokit.rest.git.getRef({ ...this.repo, ref: `tags/${tag}` }));
    if (ref === null) return null;
    let object = ref.data.object;
    // An annotated tag's ref points at a tag object; peel it (tags of tags included) to the commit.
    for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
      const sha = object.sha;
      const tagObject = await call(read, () => this.octokit.rest.git.getTag({ ...this.repo, tag_sha: sha }));
      object = tagObject.data.object;
    }
    return object.type === "commit" ? object.sha : null;
  }

  async createTag(tag: string, sha: string, message: string): Promise<"created" | "exists"> {
    const info = { doing: `create the tag ${tag}`, scope: "contents: write" } as const;
    // A tag object nobody points at is harmless (git collects it), so this POST may be repeated.
    const object = await call(info, () =>
      this.octokit.rest.git.createTag({ ...this.repo, tag, message, object: sha, type: "commit" }),
    );
    try {
      await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
      return "created";
    } catch (error) {
      // Also the answer to a retry whose first attempt created the ref and lost the answer.
      if (isAlreadyExists(error)) return "exists";
      // The tag object was just made with this token, so a 403 here is about workflow files.
      throw toShipguardError(error, {
        ...info,
        operation: "write-ref",
        tokenWrote: `the tag object of ${tag}`,
      });
    }
  }

  async moveTag(tag: string, sha: string): Promise<"moved" | "kept"> {
    const info = { doing: `move the tag ${tag}`, scope: "contents: write", operation: "write-ref" } as const;
    // Read first: a re-run of a complete release writes nothing, and a new tag is created at once.
    const now = await this.tagCommit(tag);
    if (now === sha) return "kept";
    const update = () =>
      this.octokit.rest.git.updateRef({ ...this.repo, ref: `tags/${tag}`, sha, force: true });
    if (now !== null) {
      try {
        await update();
        return "moved";
      } catch (error) {
        // Deleted meanwhile: created below.
        if (statusOf(error) !== 422 && statusOf(error) !== 404) throw toShipguardError(error, info);
      }
    }
    this.logger.debug(`The tag ${tag} does not exist yet: creating it.`);
    try {
      await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/tags/${tag}`, sha });
    } catch (error) {
      // Another run created it meanwhile: move it as asked.
      if (!isAlreadyExists(error)) throw toShipguardError(error, info);
      await call(info, update);
    }
    return "moved";
  }
}

class GitHubReleases implements ReleasePort {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly logger: Logger,
  ) {}

  async find(tag: string): Promise<ReleaseInfo | null> {
    // Drafts are invisible to "get a release by tag name"; the list shows them, newest first.
    const info = { doing: `look for the release of ${tag}`, scope: "contents: write" } as const;
    const list = await call(info, () =>
      this.octokit.rest.repos.listReleases({ ...this.repo, per_page: 100 }),
    );
    const matches = list.data.filter((r) => r.tag_name === tag);
    const chosen = matches.find((r) => !r.draft) ?? matches.at(-1);
    if (chosen === undefined) return null;
    if (matches.length > 1)
      this.logger.warning(`${matches.length} releases exist for ${tag}; using ${chosen.html_url}.`);
    return toInfo(chosen);
  }

  async createDraft(input: {
    tag: string;
    name: string;
    body: string;
    prerelease: boolean;
  }): Promise<ReleaseInfo> {
    const info = { doing: `create the release ${input.tag}`, scope: "contents: write" } as const;
    return reconciledWrite({
      info,
      logger: this.logger,
      // No automatic retry: a lost answer would make a second draft. Reconcile instead.
      send: async () =>
        toInfo(
          (
            await this.octokit.rest.repos.createRelease({
              ...this.repo,
              tag_name: input.tag,
              name: input.name,
              body: input.body,
              draft: true,
              prerelease: input.prerelease,
              request: { retries: 0 },
            })
          ).data,
        ),
      made: () => this.find(input.tag),
      said: (status) => `Creating the release ${input.tag} failed (${status}); checking whether it was made.`,
    });
  }

  async publish(release: ReleaseInfo, options: { makeLatest: boolean }): Promise<PublishOutcome> {
    const info = { doing: `publish the release ${release.tagName}`, scope: "contents: write" } as const;
    try {
      const updated = await this.octokit.rest.repos.updateRelease({
        ...this.repo,
        release_id: release.id,
        draft: false,
        make_latest: options.makeLatest ? "true" : "false",
      });
      return { state: "published", release: toInfo(updated.data) };
    } catch (error) {
      // 422 `already_exists`: another run published its release of this tag first. 404: another
      // run that lost the same race deleted this draft. Either way, the published one is read.
      if (!isAlreadyExists(error) && statusOf(error) !== 404) throw toShipguardError(error, info);
      const published = await this.find(release.tagName);
      if (published === null || published.draft || published.id === release.id)
        throw toShipguardError(error, info);
      return { state: "taken", by: published };
    }
  }

  async deleteDraft(release: ReleaseInfo): Promise<void> {
    const info = { doing: `delete the draft release ${release.url}`, scope: "contents: write" } as const;
    await orNull(info, () => this.octokit.rest.repos.deleteRelease({ ...this.repo, release_id: release.id }));
  }
}

function toInfo(r: { id: number; html_url: string; draft: boolean; tag_name: string }): ReleaseInfo {
  return { id: r.id, url: r.html_url, draft: r.draft, tagName: r.tag_name };
}
