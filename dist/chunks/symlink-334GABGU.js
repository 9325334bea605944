import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  require_semver
} from "./chunk-DRFFNYML.js";
import {
  targetEnvironment
} from "./chunk-LYGUENMR.js";
import {
  runShell
} from "./chunk-TUETDWCH.js";
import "./chunk-M67JO2IA.js";
import "./chunk-QNSM54YF.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-XD65SSXG.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

// src/adapters/deployers/symlink.ts
var import_semver = __toESM(require_semver(), 1);
import { randomBytes as randomBytes2 } from "node:crypto";
import {
  cp,
  lstat,
  mkdir,
  readdir,
  readlink,
  realpath,
  rename as rename2,
  rm as rm2,
  stat,
  symlink,
  unlink
} from "node:fs/promises";
import path2 from "node:path";

// src/adapters/deployers/release-manifest.ts
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
var MANIFEST_NAME = ".shipguard-releases.json";
var ReleaseManifest = class {
  file;
  constructor(releasesDir) {
    this.file = path.join(releasesDir, MANIFEST_NAME);
  }
  /** The versions recorded; none when there is no file yet. Throws on a file that is not a manifest. */
  async read() {
    let text;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return /* @__PURE__ */ new Set();
      throw error;
    }
    const parsed = JSON.parse(text);
    if (!Array.isArray(parsed.releases)) throw new Error(`${this.file} has no "releases" list`);
    return new Set(parsed.releases.filter((v) => typeof v === "string"));
  }
  async add(version) {
    const recorded = await this.read();
    if (recorded.has(version)) return;
    recorded.add(version);
    await this.write(recorded);
  }
  async remove(versions) {
    if (versions.length === 0) return;
    const recorded = await this.read();
    for (const version of versions) recorded.delete(version);
    await this.write(recorded);
  }
  async write(recorded) {
    const text = `${JSON.stringify({ releases: [...recorded].sort() }, null, 2)}
`;
    const temporary = `${this.file}.${randomBytes(6).toString("hex")}`;
    try {
      await writeFile(temporary, text, { flag: "wx" });
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
};

// src/adapters/deployers/symlink.ts
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
var MAX_VERSION_LENGTH = 128;
function isReleaseVersion(version) {
  return version.length <= MAX_VERSION_LENGTH && SEMVER.test(version);
}
var SymlinkDeployer = class {
  constructor(options) {
    this.options = options;
    this.releasesDir = path2.resolve(options.releasesDir);
    this.currentLink = path2.resolve(
      options.currentLink ?? path2.join(path2.dirname(this.releasesDir), "current")
    );
    this.keep = Math.max(1, options.keepReleases ?? 3);
    this.manifest = new ReleaseManifest(this.releasesDir);
  }
  options;
  strategy = "symlink";
  releasesDir;
  currentLink;
  keep;
  manifest;
  /** The folders left because shipguard did not deploy them are said once per run. */
  saidUnrecorded = false;
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
        await this.record(target.version);
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
    await this.record(target.version);
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
    return path2.join(this.releasesDir, version);
  }
  /** Copies under a temporary sibling name, then renames: a half copy never has the final name. */
  async copy(source, folder, version) {
    const partialPrefix = `.${version}.partial-`;
    for (const entry of await readdir(this.releasesDir)) {
      if (entry.startsWith(partialPrefix)) {
        await rm2(path2.join(this.releasesDir, entry), { recursive: true, force: true });
      }
    }
    const partial = path2.join(this.releasesDir, `${partialPrefix}${randomBytes2(6).toString("hex")}`);
    try {
      await cp(source, partial, {
        recursive: true,
        errorOnExist: true,
        force: false,
        verbatimSymlinks: true
      });
      await rename2(partial, folder);
    } catch (error) {
      await rm2(partial, { recursive: true, force: true });
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
    const previous = existing === null ? null : path2.resolve(path2.dirname(link), await readlink(link));
    await mkdir(path2.dirname(link), { recursive: true });
    const relative = path2.relative(path2.dirname(link), folder);
    const temporary = `${link}.shipguard-${randomBytes2(6).toString("hex")}`;
    await symlink(relative, temporary);
    try {
      await rename2(temporary, link);
    } catch (error) {
      await unlink(temporary).catch(() => void 0);
      throw error;
    }
    return previous;
  }
  /** Notes a release as shipguard's, so pruning may delete it later; a failure is only a warning. */
  async record(version) {
    await this.manifest.add(version).catch((error) => {
      this.options.logger.warning(`Could not record ${version} in ${this.manifest.file}: ${error.message}`);
    });
  }
  /**
   * Keeps the newest `keepReleases` by SemVer, the one just deployed, the one `current` points at
   * and the protected ones; deletes the other release folders that shipguard deployed (the
   * manifest). Anything else is left alone, said once. A failure here is a warning: the deploy
   * itself succeeded.
   */
  async prune(deployed, keepAlso = []) {
    const { logger } = this.options;
    try {
      const recorded = await this.manifest.read();
      const entries = await readdir(this.releasesDir, { withFileTypes: true });
      const folders = entries.filter((entry) => entry.isDirectory() && isReleaseVersion(entry.name)).map((entry) => entry.name).sort((a, b) => import_semver.default.compareBuild(b, a));
      const versions = folders.filter((version) => recorded.has(version));
      const others = folders.filter((version) => !recorded.has(version)).reverse();
      if (others.length > 0 && !this.saidUnrecorded) {
        this.saidUnrecorded = true;
        logger.info(
          `Left ${others.join(", ")} in ${this.releasesDir}: shipguard did not deploy ${others.length === 1 ? "it" : "them"} (${others.length === 1 ? "it is" : "they are"} not in ${this.manifest.file}), so it does not delete ${others.length === 1 ? "it" : "them"}.`
        );
      }
      const protectedVersions = [...this.options.protect?.() ?? [], ...keepAlso].filter(isReleaseVersion);
      const keep = /* @__PURE__ */ new Set([...versions.slice(0, this.keep), deployed, ...protectedVersions]);
      const removed = [];
      for (const version of versions) {
        if (keep.has(version)) continue;
        const folder = this.folder(version);
        if (await this.currentTarget() === await realpath(folder).catch(() => folder)) continue;
        await rm2(folder, { recursive: true, force: true });
        removed.push(version);
        logger.info(`Removed the old release ${version}.`);
      }
      await this.manifest.remove(removed);
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
  return path2.resolve(expanded);
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
