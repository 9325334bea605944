import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  targetEnvironment
} from "./chunk-7TWCJKUJ.js";
import {
  runShell
} from "./chunk-KCRMT5FN.js";
import "./chunk-DDCYOTVN.js";
import "./chunk-XBWPUMO5.js";
import {
  require_semver
} from "./chunk-7FY53ZM3.js";
import "./chunk-LOL6UNQF.js";
import "./chunk-P2F454IK.js";
import {
  __toESM
} from "./chunk-YIKRADAN.js";

// src/adapters/deployers/symlink.ts
var import_semver = __toESM(require_semver(), 1);
import { randomBytes } from "node:crypto";
import {
  cp,
  lstat,
  mkdir,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  unlink
} from "node:fs/promises";
import path from "node:path";
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
var MAX_VERSION_LENGTH = 128;
function isReleaseVersion(version) {
  return version.length <= MAX_VERSION_LENGTH && SEMVER.test(version);
}
var SymlinkDeployer = class {
  constructor(options) {
    this.options = options;
    this.releasesDir = path.resolve(options.releasesDir);
    this.currentLink = path.resolve(
      options.currentLink ?? path.join(path.dirname(this.releasesDir), "current")
    );
    this.keep = Math.max(1, options.keepReleases ?? 3);
  }
  options;
  strategy = "symlink";
  releasesDir;
  currentLink;
  keep;
  async prepare(target, signal) {
    const refused = refuseVersion(target.version);
    if (refused !== null) return refused;
    const { logger } = this.options;
    const source = expand(this.options.releaseSource, targetEnvironment(target));
    if (typeof source !== "string") return failed(source.failure);
    const folder = this.folder(target.version);
    try {
      const sourceStat = await stat(source).catch(() => null);
      if (!sourceStat?.isDirectory()) {
        return failed(`release-source ${JSON.stringify(source)} is not a folder`);
      }
      await mkdir(this.releasesDir, { recursive: true });
      const existing = await lstat(folder).catch(() => null);
      if (existing?.isDirectory()) {
        logger.info(`The release folder ${folder} exists already: reusing it.`);
      } else if (existing !== null) {
        return failed(`${folder} exists and is not a folder: move it away`);
      } else {
        await this.copy(source, folder, target.version);
        logger.info(`Copied ${source} to ${folder}.`);
      }
    } catch (error) {
      return failed(`could not stage the release in ${folder}: ${error.message}`);
    }
    const command = this.options.prepareCommand ?? "";
    if (command.trim() === "") return done([]);
    logger.info(`Running the prepare-command in ${folder}; the current version keeps serving.`);
    return this.run("prepare-command", command, target, folder, signal);
  }
  async deploy(target, signal) {
    const refused = refuseVersion(target.version);
    if (refused !== null) return refused;
    const { logger } = this.options;
    const folder = this.folder(target.version);
    if (!(await lstat(folder).catch(() => null))?.isDirectory()) {
      logger.info(`The release folder ${folder} is missing: preparing it first.`);
      const prepared = await this.prepare(target, signal);
      if (!prepared.ok) return prepared;
    }
    let previous;
    try {
      previous = await this.switchTo(folder);
    } catch (error) {
      return failed(`could not switch ${this.currentLink} to ${folder}: ${error.message}`);
    }
    logger.info(
      `${this.currentLink} -> ${folder}${previous === null ? " (first release here)" : ` (was ${previous})`}.`
    );
    const command = this.options.restartCommand ?? "";
    let tail = [];
    if (command.trim() !== "") {
      const restarted = await this.run("restart-command", command, target, folder, signal);
      if (!restarted.ok) {
        return { ...restarted, failure: `switched to ${target.version}, but ${restarted.failure}` };
      }
      tail = restarted.logTail;
    }
    await this.prune(target.version, target.keep ?? []);
    return done(tail);
  }
  folder(version) {
    return path.join(this.releasesDir, version);
  }
  /** Copies under a temporary sibling name, then renames: a half copy never has the final name. */
  async copy(source, folder, version) {
    const partialPrefix = `.${version}.partial-`;
    for (const entry of await readdir(this.releasesDir)) {
      if (entry.startsWith(partialPrefix)) {
        await rm(path.join(this.releasesDir, entry), { recursive: true, force: true });
      }
    }
    const partial = path.join(this.releasesDir, `${partialPrefix}${randomBytes(6).toString("hex")}`);
    try {
      await cp(source, partial, {
        recursive: true,
        errorOnExist: true,
        force: false,
        verbatimSymlinks: true
      });
      await rename(partial, folder);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      const code = error.code;
      if ((code === "ENOTEMPTY" || code === "EEXIST") && (await lstat(folder).catch(() => null))?.isDirectory()) {
        return;
      }
      throw error;
    }
  }
  /** Points `current` at `folder` in one rename; returns where it pointed before (null: nowhere). */
  async switchTo(folder) {
    const link = this.currentLink;
    const existing = await lstat(link).catch(() => null);
    if (existing !== null && !existing.isSymbolicLink()) {
      throw new Error(`${link} is not a symbolic link; move it away so that shipguard can manage it`);
    }
    const previous = existing === null ? null : path.resolve(path.dirname(link), await readlink(link));
    await mkdir(path.dirname(link), { recursive: true });
    const relative = path.relative(path.dirname(link), folder);
    const temporary = `${link}.shipguard-${randomBytes(6).toString("hex")}`;
    await symlink(relative, temporary);
    try {
      await rename(temporary, link);
    } catch (error) {
      await unlink(temporary).catch(() => void 0);
      throw error;
    }
    return previous;
  }
  /**
   * Keeps the newest `keepReleases` by SemVer, the one just deployed, the one `current` points at
   * and the protected ones; deletes the other release folders. Anything that is not a release
   * folder is left alone. A failure here is a warning: the deploy itself succeeded.
   */
  async prune(deployed, keepAlso = []) {
    const { logger } = this.options;
    try {
      const entries = await readdir(this.releasesDir, { withFileTypes: true });
      const versions = entries.filter((entry) => entry.isDirectory() && isReleaseVersion(entry.name)).map((entry) => entry.name).sort((a, b) => import_semver.default.compareBuild(b, a));
      const protectedVersions = [...this.options.protect?.() ?? [], ...keepAlso].filter(isReleaseVersion);
      const keep = /* @__PURE__ */ new Set([...versions.slice(0, this.keep), deployed, ...protectedVersions]);
      for (const version of versions) {
        if (keep.has(version)) continue;
        const folder = this.folder(version);
        if (await this.currentTarget() === await realpath(folder).catch(() => folder)) continue;
        await rm(folder, { recursive: true, force: true });
        logger.info(`Removed the old release ${version}.`);
      }
    } catch (error) {
      logger.warning(`Could not remove old releases from ${this.releasesDir}: ${error.message}`);
    }
  }
  async currentTarget() {
    return realpath(this.currentLink).catch(() => null);
  }
  async run(label, command, target, folder, signal) {
    const { logger } = this.options;
    const result = await runShell({
      label,
      command,
      cwd: folder,
      env: {
        ...this.options.env,
        ...targetEnvironment(target),
        SHIPGUARD_RELEASE_DIR: folder,
        SHIPGUARD_CURRENT: this.currentLink
      },
      timeoutMs: this.options.timeoutMs ?? 15 * 6e4,
      killGraceMs: this.options.killGraceMs,
      signal,
      onOutput: (text) => logger.untrusted(text)
    });
    if (result.failure !== null) {
      logger.warning(`${result.failure}.`);
      return { ok: false, failure: result.failure, logTail: result.tail, runUrl: null };
    }
    return done(result.tail);
  }
};
function refuseVersion(version) {
  if (isReleaseVersion(version)) return null;
  return failed(
    `the version ${JSON.stringify(version)} is not a plain SemVer version (like 1.2.3 or 1.2.3-rc.1), so it cannot name a release folder; nothing was changed`
  );
}
function expand(template, variables) {
  const unknown = [];
  const unsafe = [];
  const expanded = template.replace(/\$\{([^}]*)\}/g, (whole, name) => {
    const value = variables[name];
    if (value === void 0) {
      unknown.push(whole);
      return whole;
    }
    if (/[/\\\0]/.test(value) || value === ".." || value === ".")
      unsafe.push(`${whole}=${JSON.stringify(value)}`);
    return value;
  });
  if (unsafe.length > 0) {
    return { failure: `release-source would expand to a path through ${unsafe.join(", ")}; refused` };
  }
  if (unknown.length > 0) {
    return {
      failure: `release-source uses ${unknown.join(", ")}; only ${Object.keys(variables).map((name) => `\${${name}}`).join(", ")} are expanded`
    };
  }
  return path.resolve(expanded);
}
function done(logTail) {
  return { ok: true, failure: null, logTail, runUrl: null };
}
function failed(failure) {
  return { ok: false, failure, logTail: [], runUrl: null };
}
export {
  SymlinkDeployer,
  isReleaseVersion
};
