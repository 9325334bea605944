import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import "./chunk-A5QYGNMP.js";

// src/adapters/local-forge.ts
var LocalForge = class {
  constructor(git, logger, pushTo) {
    this.git = git;
    this.logger = logger;
    this.pushTo = pushTo;
    this.describe = pushTo === null ? "the local repository" : `the local repository and ${pushTo}`;
  }
  git;
  logger;
  pushTo;
  describe;
  async tagCommit(tag) {
    const local = await this.git.tagCommit(tag);
    if (local !== null || this.pushTo === null) return local;
    return this.git.remoteTagCommit(this.pushTo, tag);
  }
  async createTag(tag, sha, message) {
    const local = await this.git.createAnnotatedTag(tag, sha, message);
    if (local === "exists" || this.pushTo === null) return local;
    const pushed = await this.git.pushTag(this.pushTo, tag, false);
    if (pushed === "pushed") return "created";
    this.logger.warning(`${this.pushTo} already has a tag ${tag}; the local tag was not pushed.`);
    const remote = await this.git.remoteTagCommit(this.pushTo, tag);
    if (remote !== sha) await this.git.deleteTag(tag);
    return "exists";
  }
  async shareTag(tag, sha) {
    const where = this.pushTo ?? "the local repository";
    if (this.pushTo === null) return { state: "present", where };
    const remote = await this.git.remoteTagCommit(this.pushTo, tag);
    if (remote === sha) return { state: "present", where };
    if (remote === null && await this.git.pushTag(this.pushTo, tag, false) === "pushed") {
      return { state: "pushed", where };
    }
    const now = remote ?? await this.git.remoteTagCommit(this.pushTo, tag);
    return now === sha ? { state: "present", where } : { state: "conflict", where, remoteSha: now };
  }
  async moveTag(tag, sha) {
    const here = await this.git.tagCommit(tag) === sha;
    const there = this.pushTo === null || await this.git.remoteTagCommit(this.pushTo, tag) === sha;
    if (here && there) return "kept";
    if (!here) await this.git.forceTag(tag, sha);
    if (!there && this.pushTo !== null) await this.git.pushTag(this.pushTo, tag, true);
    return "moved";
  }
};
export {
  LocalForge
};
