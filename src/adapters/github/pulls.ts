/**
 * The release pull request on GitHub's Pulls and Issues APIs. Opening one is first-writer-wins
 * (GitHub keeps one open pull request per head and base: a second gets 422 "A pull request
 * already exists"), so a lost answer or a concurrent run ends with the one open pull request.
 * A comment has no such key: it is sent once and, after a lost answer, looked for before a resend.
 */
import { shipguardError } from "../../errors.ts";
import type { Logger, PullRequestInfo, PullRequestPort } from "../../ports.ts";
import type { GitHubClient } from "./client.ts";
import { answerOf, isAlreadyExists, statusOf, toShipguardError } from "./errors.ts";
import { reconciledWrite } from "./reconciled-write.ts";

/** The repository written to (forge.ts's RepoRef, restated so the two files import no cycle). */
interface RepoRef {
  owner: string;
  repo: string;
}

interface PullJson {
  number: number;
  html_url: string;
  state: string;
  merged?: boolean;
  merged_at: string | null;
  merge_commit_sha: string | null;
  /** `repo` is the head branch's repository: a fork's, or null once the fork is deleted. */
  head: { ref: string; repo: { full_name: string } | null };
  base: { ref: string };
  title: string;
  body: string | null;
  labels: { name?: string }[];
}

const FORBIDDEN = /not permitted to create or approve pull requests/i;

/**
 * Whether a pull request's head branch is in another repository than `repo` (a fork, or a deleted
 * fork: no repository). GitHub spells a repository's name as its owner typed it, so case is ignored.
 */
export function isFromFork(headRepo: { full_name: string } | null, repo: RepoRef): boolean {
  return headRepo === null || headRepo.full_name.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase();
}

function toInfo(pull: PullJson, repo: RepoRef): PullRequestInfo {
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
    labels: pull.labels.flatMap((label) => (label.name === undefined ? [] : [label.name])),
  };
}

export class GitHubPullRequests implements PullRequestPort {
  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly logger: Logger,
  ) {}

  private toInfo(pull: PullJson): PullRequestInfo {
    return toInfo(pull, this.repo);
  }

  private async call<T>(
    doing: string,
    scope: "pull-requests: write" | "pull-requests: read",
    fn: () => Promise<T>,
  ) {
    try {
      return await fn();
    } catch (error) {
      throw toShipguardError(error, { doing, scope });
    }
  }

  async findOpen(head: string, base: string): Promise<PullRequestInfo | null> {
    const list = await this.call(`look for the open pull request from ${head}`, "pull-requests: read", () =>
      this.octokit.rest.pulls.list({
        ...this.repo,
        state: "open",
        head: `${this.repo.owner}:${head}`,
        base,
        per_page: 100,
      }),
    );
    // GitHub's `head` filter already means this owner's branch; a fork's pull request is refused
    // here too, so no filter a proxy or a future API drops makes shipguard edit or close one.
    const found = (list.data as PullJson[])
      .map((pull) => this.toInfo(pull))
      .find((pull) => !pull.fromFork && pull.head === head && pull.base === base);
    return found ?? null;
  }

  async listMerged(head: string, base: string, limit: number): Promise<PullRequestInfo[]> {
    const list = await this.call(`list the merged pull requests from ${head}`, "pull-requests: read", () =>
      this.octokit.rest.pulls.list({
        ...this.repo,
        state: "closed",
        head: `${this.repo.owner}:${head}`,
        base,
        sort: "updated",
        direction: "desc",
        per_page: Math.min(100, Math.max(1, limit)),
      }),
    );
    return (list.data as PullJson[])
      .map((pull) => this.toInfo(pull))
      .filter((pull) => !pull.fromFork && pull.head === head && pull.base === base && pull.merged);
  }

  async forCommit(sha: string): Promise<PullRequestInfo[]> {
    const list = await this.call(`list the pull requests of ${sha}`, "pull-requests: read", () =>
      this.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...this.repo,
        commit_sha: sha,
        per_page: 100,
      }),
    );
    return (list.data as PullJson[]).map((pull) => this.toInfo(pull));
  }

  async create(input: { head: string; base: string; title: string; body: string }): Promise<PullRequestInfo> {
    const doing = `open the pull request from ${input.head} to ${input.base}`;
    const existing = () => this.findOpen(input.head, input.base);
    try {
      return await reconciledWrite({
        info: { doing, scope: "pull-requests: write" },
        logger: this.logger,
        send: async () =>
          this.toInfo(
            (
              await this.octokit.rest.pulls.create({
                ...this.repo,
                head: input.head,
                base: input.base,
                title: input.title,
                body: input.body,
                request: { retries: 0 },
              })
            ).data as PullJson,
          ),
        made: existing,
        said: (status) => `Opening the pull request failed (${status}); checking whether it was opened.`,
      });
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause ?? error;
      if (statusOf(cause) === 403 && FORBIDDEN.test(answerOf(cause, doing).said)) {
        throw shipguardError(
          "SG_PR_CREATION_FORBIDDEN",
          { ...answerOf(cause, doing), repository: `${this.repo.owner}/${this.repo.repo}` },
          { cause },
        );
      }
      // Another run opened it first (or a first attempt did and its answer was lost): use that one.
      if (isAlreadyExists(cause)) {
        const found = await existing();
        if (found !== null) return found;
      }
      throw error;
    }
  }

  async update(
    pullNumber: number,
    change: { title?: string; body?: string; state?: "open" | "closed" },
  ): Promise<PullRequestInfo> {
    const updated = await this.call(`update the pull request #${pullNumber}`, "pull-requests: write", () =>
      this.octokit.rest.pulls.update({ ...this.repo, pull_number: pullNumber, ...change }),
    );
    return this.toInfo(updated.data as PullJson);
  }

  async setLabels(pullNumber: number, change: { add: string[]; remove: string[] }): Promise<void> {
    if (change.add.length > 0) {
      await this.call(`label the pull request #${pullNumber}`, "pull-requests: write", () =>
        this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: pullNumber, labels: change.add }),
      );
    }
    for (const name of change.remove) {
      try {
        await this.octokit.rest.issues.removeLabel({ ...this.repo, issue_number: pullNumber, name });
      } catch (error) {
        // Not there (any more): what removing it was for.
        if (statusOf(error) === 404) continue;
        throw toShipguardError(error, {
          doing: `unlabel the pull request #${pullNumber}`,
          scope: "pull-requests: write",
        });
      }
    }
  }

  async comment(pullNumber: number, body: string): Promise<void> {
    const since = new Date(Date.now() - 60_000).toISOString();
    await reconciledWrite({
      info: { doing: `comment on the pull request #${pullNumber}`, scope: "pull-requests: write" },
      logger: this.logger,
      send: async () => {
        await this.octokit.rest.issues.createComment({
          ...this.repo,
          issue_number: pullNumber,
          body,
          request: { retries: 0 },
        });
        return true;
      },
      made: async () => {
        const list = await this.octokit.rest.issues.listComments({
          ...this.repo,
          issue_number: pullNumber,
          since,
          per_page: 100,
        });
        return list.data.some((comment) => comment.body === body) ? true : null;
      },
      said: (status) => `Commenting failed (${status}); checking whether the comment was made.`,
    });
  }
}
