import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/local-forge.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
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
  /**
   * Writes the files in the working tree and commits them on the checked-out branch, like `npm
   * version`. Every file is checked first: the branch must be checked out at `parent`, and each
   * file as `parent` has it (or as this release writes it: a run that stopped before committing);
   * otherwise nothing is written. When the branch's tip already is this release's commit (same
   * parent, same message), it is returned: a re-run never commits twice.
   */
  async commitFiles(request) {
    const { branch, parent, message } = request;
    const refuse = (problem) => shipguardError("SG_WORKTREE_CHANGED", { branch, parent, problem });
    const clone = await this.git.inspect();
    if (clone === null || clone.head === null) throw refuse("there is no checked-out commit.");
    const current = await this.git.currentBranch();
    if (current !== branch)
      throw refuse(`the checked-out branch is ${current ?? "none (a detached HEAD)"}, not ${branch}.`);
    if (clone.head !== parent) {
      const tip = await this.git.readCommit(clone.head);
      if (tip !== null && tip.parents[0] === parent && tip.message.trim() === message.trim())
        return { sha: tip.sha, found: true };
      throw refuse(`${branch} is at ${clone.head.slice(0, 12)}, not at the analysed commit.`);
    }
    const files = request.files.map((f) => ({ ...f, full: path.join(clone.topLevel, ...f.path.split("/")) }));
    for (const f of files) {
      const text = await readText(f.full);
      if (text !== f.before && text !== f.after) throw refuse(`${f.path} has uncommitted changes.`);
    }
    for (const f of files) {
      await mkdir(path.dirname(f.full), { recursive: true });
      await writeFile(f.full, f.after);
    }
    const sha = await this.git.commitPaths(message, filesOf(request.files));
    return { sha, found: false };
  }
};
async function readText(file) {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
function filesOf(files) {
  return files.map((f) => f.path);
}
export {
  LocalForge
};
