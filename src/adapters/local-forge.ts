/**
 * The Forge port on the local repository, for the CLI outside GitHub: annotated tags in the clone,
 * optionally pushed to a remote, where the remote's answer is the lock (a rejected push means
 * another release got there first). There are no releases: the CLI writes the notes out.
 */
import type { Forge, Logger, TagSharing } from "../ports.ts";
import type { GitCli } from "./git-cli.ts";

export class LocalForge implements Forge {
  readonly describe: string;

  constructor(
    private readonly git: GitCli,
    private readonly logger: Logger,
    private readonly pushTo: string | null,
  ) {
    this.describe = pushTo === null ? "the local repository" : `the local repository and ${pushTo}`;
  }

  async tagCommit(tag: string): Promise<string | null> {
    const local = await this.git.tagCommit(tag);
    if (local !== null || this.pushTo === null) return local;
    return this.git.remoteTagCommit(this.pushTo, tag);
  }

  async createTag(tag: string, sha: string, message: string): Promise<"created" | "exists"> {
    const local = await this.git.createAnnotatedTag(tag, sha, message);
    if (local === "exists" || this.pushTo === null) return local;
    const pushed = await this.git.pushTag(this.pushTo, tag, false);
    if (pushed === "pushed") return "created";
    // The remote has its own tag of that name: drop ours so the local clone agrees with it.
    this.logger.warning(`${this.pushTo} already has a tag ${tag}; the local tag was not pushed.`);
    const remote = await this.git.remoteTagCommit(this.pushTo, tag);
    if (remote !== sha) await this.git.deleteTag(tag);
    return "exists";
  }

  async shareTag(tag: string, sha: string): Promise<TagSharing> {
    const where = this.pushTo ?? "the local repository";
    if (this.pushTo === null) return { state: "present", where };
    const remote = await this.git.remoteTagCommit(this.pushTo, tag);
    if (remote === sha) return { state: "present", where };
    if (remote === null && (await this.git.pushTag(this.pushTo, tag, false)) === "pushed") {
      return { state: "pushed", where };
    }
    // There already on another commit, or taken by another push in the meantime.
    const now = remote ?? (await this.git.remoteTagCommit(this.pushTo, tag));
    return now === sha ? { state: "present", where } : { state: "conflict", where, remoteSha: now };
  }

  async moveTag(tag: string, sha: string): Promise<"moved" | "kept"> {
    const here = (await this.git.tagCommit(tag)) === sha;
    const there = this.pushTo === null || (await this.git.remoteTagCommit(this.pushTo, tag)) === sha;
    if (here && there) return "kept";
    if (!here) await this.git.forceTag(tag, sha);
    if (!there && this.pushTo !== null) await this.git.pushTag(this.pushTo, tag, true);
    return "moved";
  }
}
