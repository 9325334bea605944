/**
 * The `symlink` strategy, the layout Capistrano made familiar:
 *
 *   <parent>/releases/1.4.0/   one folder per version, copied from `release-source`
 *   <parent>/releases/1.5.0/
 *   <parent>/current -> releases/1.5.0
 *
 * `current` defaults to a sibling of the releases folder (`<releasesDir>/../current`), so the
 * releases folder holds nothing but releases. The switch is atomic: a new link is made under a
 * temporary name and renamed over `current` (rename(2) replaces it in one step), so a reader sees
 * the old release or the new one and never a missing link. Versions become folder names, so they
 * are checked to be plain SemVer before anything on disk is touched.
 */
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
  unlink,
} from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import {
  type Deployer,
  type DeployOutcome,
  type DeployTarget,
  type Logger,
  targetEnvironment,
} from "../../ports.ts";
import { runShell } from "./process.ts";
import { ReleaseManifest } from "./release-manifest.ts";

export interface SymlinkDeployerOptions {
  /**
   * `release-source`: the folder to copy as the release. `${SHIPGUARD_VERSION}` and the other
   * SHIPGUARD_* variables are expanded from the target (no shell). Relative paths resolve against
   * this process's working directory.
   */
  releaseSource: string;
  /** `releases-dir`: where `<version>` folders are kept. */
  releasesDir: string;
  /** The link the app is served from (default `<releasesDir>/../current`). */
  currentLink?: string;
  /** How many releases to keep, newest by SemVer (default 3); current and protected ones come on top. */
  keepReleases?: number;
  /** Run after the switch, in the new release folder (restart the service). */
  restartCommand?: string | null;
  /** Run by prepare() inside the new release folder, while the old version still serves. */
  prepareCommand?: string | null;
  /** Versions never to delete (the environment's last known good one). */
  protect?: () => string[];
  /** The commands' environment (PATH, HOME...); SHIPGUARD_* are added over it. */
  env: Record<string, string>;
  /** Per command (default 15 minutes). */
  timeoutMs?: number;
  killGraceMs?: number;
  logger: Logger;
}

/** SemVer 2.0.0's own grammar, nothing looser: no leading `v`, no spaces, no `/`, no `..`. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const MAX_VERSION_LENGTH = 128;

/** True when `version` can safely name a release folder. */
export function isReleaseVersion(version: string): boolean {
  return version.length <= MAX_VERSION_LENGTH && SEMVER.test(version);
}

export class SymlinkDeployer implements Deployer {
  readonly strategy = "symlink";
  readonly releasesDir: string;
  readonly currentLink: string;
  private readonly keep: number;
  private readonly manifest: ReleaseManifest;
  /** The folders left because shipguard did not deploy them are said once per run. */
  private saidUnrecorded = false;

  constructor(private readonly options: SymlinkDeployerOptions) {
    this.releasesDir = path.resolve(options.releasesDir);
    this.currentLink = path.resolve(
      options.currentLink ?? path.join(path.dirname(this.releasesDir), "current"),
    );
    this.keep = Math.max(1, options.keepReleases ?? 3);
    this.manifest = new ReleaseManifest(this.releasesDir);
  }

  async prepare(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome> {
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
        // A folder only gets its final name once completely copied, so it is whole: reuse it.
        logger.info(`The release folder ${folder} exists already: reusing it.`);
      } else if (existing !== null) {
        return failed(`${folder} exists and is not a folder: move it away`);
      } else {
        // Recorded first: a crash after the copy must not leave a release pruning cannot see.
        await this.record(target.version);
        await this.copy(source, folder, target.version);
        logger.info(`Copied ${source} to ${folder}.`);
      }
    } catch (error) {
      return failed(`could not stage the release in ${folder}: ${(error as Error).message}`);
    }
    const command = this.options.prepareCommand ?? "";
    if (command.trim() === "") return done([]);
    logger.info(`Running the prepare-command in ${folder}; the current version keeps serving.`);
    return this.run("prepare-command", command, target, folder, signal);
  }

  async deploy(target: DeployTarget, signal?: AbortSignal): Promise<DeployOutcome> {
    const refused = refuseVersion(target.version);
    if (refused !== null) return refused;
    const { logger } = this.options;
    const folder = this.folder(target.version);
    if (!(await lstat(folder).catch(() => null))?.isDirectory()) {
      logger.info(`The release folder ${folder} is missing: preparing it first.`);
      const prepared = await this.prepare(target, signal);
      if (!prepared.ok) return prepared;
    }
    let previous: string | null;
    try {
      previous = await this.switchTo(folder);
    } catch (error) {
      return failed(`could not switch ${this.currentLink} to ${folder}: ${(error as Error).message}`);
    }
    await this.record(target.version);
    logger.info(
      `${this.currentLink} -> ${folder}${previous === null ? " (first release here)" : ` (was ${previous})`}.`,
    );
    const command = this.options.restartCommand ?? "";
    let tail: string[] = [];
    if (command.trim() !== "") {
      const restarted = await this.run("restart-command", command, target, folder, signal);
      if (!restarted.ok) {
        // The switch stands: a rollback switches back, to a release that was verified.
        return { ...restarted, failure: `switched to ${target.version}, but ${restarted.failure}` };
      }
      tail = restarted.logTail;
    }
    await this.prune(target.version, target.keep ?? []);
    return done(tail);
  }

  private folder(version: string): string {
    return path.join(this.releasesDir, version);
  }

  /** Copies under a temporary sibling name, then renames: a half copy never has the final name. */
  private async copy(source: string, folder: string, version: string): Promise<void> {
    const partialPrefix = `.${version}.partial-`;
    // A copy an earlier, interrupted run left behind.
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
        verbatimSymlinks: true,
      });
      await rename(partial, folder);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      // Another run finished the same copy first: its folder is whole.
      if (
        (code === "ENOTEMPTY" || code === "EEXIST") &&
        (await lstat(folder).catch(() => null))?.isDirectory()
      ) {
        return;
      }
      throw error;
    }
  }

  /** Points `current` at `folder` in one rename; returns where it pointed before (null: nowhere). */
  private async switchTo(folder: string): Promise<string | null> {
    const link = this.currentLink;
    const existing = await lstat(link).catch(() => null);
    if (existing !== null && !existing.isSymbolicLink()) {
      throw new Error(`${link} is not a symbolic link; move it away so that shipguard can manage it`);
    }
    const previous = existing === null ? null : path.resolve(path.dirname(link), await readlink(link));
    await mkdir(path.dirname(link), { recursive: true });
    // Relative, so the whole tree can move (a bind mount, a restored backup) and stay valid.
    const relative = path.relative(path.dirname(link), folder);
    const temporary = `${link}.shipguard-${randomBytes(6).toString("hex")}`;
    await symlink(relative, temporary);
    try {
      await rename(temporary, link);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return previous;
  }

  /** Notes a release as shipguard's, so pruning may delete it later; a failure is only a warning. */
  private async record(version: string): Promise<void> {
    await this.manifest.add(version).catch((error: Error) => {
      this.options.logger.warning(`Could not record ${version} in ${this.manifest.file}: ${error.message}`);
    });
  }

  /**
   * Keeps the newest `keepReleases` by SemVer, the one just deployed, the one `current` points at
   * and the protected ones; deletes the other release folders that shipguard deployed (the
   * manifest). Anything else is left alone, said once. A failure here is a warning: the deploy
   * itself succeeded.
   */
  private async prune(deployed: string, keepAlso: readonly string[] = []): Promise<void> {
    const { logger } = this.options;
    try {
      const recorded = await this.manifest.read();
      const entries = await readdir(this.releasesDir, { withFileTypes: true });
      const folders = entries
        .filter((entry) => entry.isDirectory() && isReleaseVersion(entry.name))
        .map((entry) => entry.name)
        .sort((a, b) => semver.compareBuild(b, a));
      const versions = folders.filter((version) => recorded.has(version));
      const others = folders.filter((version) => !recorded.has(version)).reverse();
      if (others.length > 0 && !this.saidUnrecorded) {
        this.saidUnrecorded = true;
        logger.info(
          `Left ${others.join(", ")} in ${this.releasesDir}: shipguard did not deploy ${others.length === 1 ? "it" : "them"} (${others.length === 1 ? "it is" : "they are"} not in ${this.manifest.file}), so it does not delete ${others.length === 1 ? "it" : "them"}.`,
        );
      }
      const protectedVersions = [...(this.options.protect?.() ?? []), ...keepAlso].filter(isReleaseVersion);
      const keep = new Set([...versions.slice(0, this.keep), deployed, ...protectedVersions]);
      const removed: string[] = [];
      for (const version of versions) {
        if (keep.has(version)) continue;
        const folder = this.folder(version);
        // Read again right before deleting: never remove what is being served.
        if ((await this.currentTarget()) === (await realpath(folder).catch(() => folder))) continue;
        await rm(folder, { recursive: true, force: true });
        removed.push(version);
        logger.info(`Removed the old release ${version}.`);
      }
      await this.manifest.remove(removed);
    } catch (error) {
      logger.warning(`Could not remove old releases from ${this.releasesDir}: ${(error as Error).message}`);
    }
  }

  private async currentTarget(): Promise<string | null> {
    return realpath(this.currentLink).catch(() => null);
  }

  private async run(
    label: string,
    command: string,
    target: DeployTarget,
    folder: string,
    signal?: AbortSignal,
  ): Promise<DeployOutcome> {
    const { logger } = this.options;
    const result = await runShell({
      label,
      command,
      cwd: folder,
      env: {
        ...this.options.env,
        ...targetEnvironment(target),
        SHIPGUARD_RELEASE_DIR: folder,
        SHIPGUARD_CURRENT: this.currentLink,
      },
      timeoutMs: this.options.timeoutMs ?? 15 * 60_000,
      killGraceMs: this.options.killGraceMs,
      signal,
      onOutput: (text) => logger.untrusted(text),
    });
    if (result.failure !== null) {
      logger.warning(`${result.failure}.`);
      return { ok: false, failure: result.failure, logTail: result.tail, runUrl: null };
    }
    return done(result.tail);
  }
}

function refuseVersion(version: string): DeployOutcome | null {
  if (isReleaseVersion(version)) return null;
  return failed(
    `the version ${JSON.stringify(version)} is not a plain SemVer version (like 1.2.3 or 1.2.3-rc.1), so it cannot name a release folder; nothing was changed`,
  );
}

/** Expands ${NAME} from `variables`; any other ${...} is refused rather than left in a path. */
function expand(template: string, variables: Record<string, string>): string | { failure: string } {
  const unknown: string[] = [];
  const unsafe: string[] = [];
  const expanded = template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    const value = variables[name];
    if (value === undefined) {
      unknown.push(whole);
      return whole;
    }
    // A value (a tag, an environment name) must not walk the path elsewhere.
    if (/[/\\\0]/.test(value) || value === ".." || value === ".")
      unsafe.push(`${whole}=${JSON.stringify(value)}`);
    return value;
  });
  if (unsafe.length > 0) {
    return { failure: `release-source would expand to a path through ${unsafe.join(", ")}; refused` };
  }
  if (unknown.length > 0) {
    return {
      failure: `release-source uses ${unknown.join(", ")}; only ${Object.keys(variables)
        .map((name) => `\${${name}}`)
        .join(", ")} are expanded`,
    };
  }
  return path.resolve(expanded);
}

function done(logTail: string[]): DeployOutcome {
  return { ok: true, failure: null, logTail, runUrl: null };
}

function failed(failure: string): DeployOutcome {
  return { ok: false, failure, logTail: [], runUrl: null };
}
