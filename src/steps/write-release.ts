/**
 * One release written: the tag on exactly the analysed commit, then the release (a draft first,
 * published last, so immutable releases work), then floating tags. Every step first looks at what
 * exists, so a re-run finishes what a failed run left and never duplicates; the tag ref is the lock
 * between two runs racing for the same version. `release` runs it once for a single-package
 * repository and once per released package of a monorepo.
 */
import semver from "semver";
import { shipguardError } from "../errors.ts";
import type { Forge, Logger, ReleaseInfo, ReleasePort } from "../ports.ts";
import type { FloatingTags } from "../settings.ts";
import type { VersionResult } from "./compute-version.ts";
import type { ReleaseFilesOutcome } from "./release-commit.ts";

export interface ReleaseResult<V extends VersionResult = VersionResult> {
  version: V;
  /** True when this run's release exists at the end (made now or finished from an earlier run). */
  released: boolean;
  /**
   * This run created the tag, pushed it, or published the release: the only runs that announce
   * `released`. A re-run that finds the tag and the published release made nothing new.
   */
  madeNow: boolean;
  /** This run created the tag: of several runs at once, exactly one (the tag ref is the lock). */
  tagCreated: boolean;
  /** Another run tagged this version on another commit first; nothing was created. */
  superseded: boolean;
  dryRun: boolean;
  /** The commit the tag points at. */
  tagSha: string | null;
  release: ReleaseInfo | null;
  floatingTags: string[];
  /** What happened, step by step, for the summary and the log. */
  steps: string[];
  where: string;
  /** The release commit of version files and changelogs (or, in a dry run, its diff); null when none. */
  files: ReleaseFilesOutcome | null;
}

/** How one release is written: its title, its floating tags, whether it may become latest. */
export interface ReleaseTarget {
  /** The GitHub Release's title: the tag (one package), `<component> <version>` (a monorepo's). */
  title: string;
  /** The prefix its floating tags take (`v1`, `api-v1`). */
  tagPrefix: string;
  floatingTags: FloatingTags;
  /**
   * Whether this release may be marked latest at all: in a monorepo only one package's may. It is
   * then still marked only as the highest stable version of its prefix, never from a maintenance line.
   */
  mayBeLatest: boolean;
  /** The commit the tag goes on, when not the analysed one: the release commit of the files. */
  sha?: string;
}

export function newReleaseResult<V extends VersionResult>(
  version: V,
  dryRun: boolean,
  where: string,
): ReleaseResult<V> {
  return {
    version,
    released: false,
    madeNow: false,
    tagCreated: false,
    superseded: false,
    dryRun,
    tagSha: null,
    release: null,
    floatingTags: [],
    steps: [],
    where,
    files: null,
  };
}

/**
 * Writes the release `result.version` decided, recording each step in `result` as it goes, so a
 * failure part-way leaves in `result` what was done before it. Throws what the forge throws.
 */
export async function writeRelease(
  result: ReleaseResult,
  target: ReleaseTarget,
  ports: { forge: Forge; logger: Logger },
): Promise<void> {
  const { forge, logger } = ports;
  const { version, steps } = result;
  if (!version.releaseNeeded || version.tag === null || version.version === null) {
    steps.push("No release needed: nothing written.");
    return;
  }
  const { tag } = version;
  const sha = target.sha ?? version.sha;
  const floating = floatingTagsFor(target, version);
  const makeLatest = target.mayBeLatest && isHighestStable(version);

  if (result.dryRun) {
    // With version files the tags would go on the release commit, which a dry run does not make.
    const on = result.files !== null && result.files.sha === null ? "the release commit" : sha;
    steps.push(...wouldDo(forge, { ...version, sha: on }, target.title, floating, makeLatest));
    return;
  }

  // 1. The tag: first writer wins. Reading first makes a re-run cheap and tells a race apart.
  let existing = await forge.tagCommit(tag);
  let createdNow = false;
  if (existing === null) {
    if ((await forge.createTag(tag, sha, version.notes)) === "created") {
      createdNow = true;
      existing = sha;
    } else {
      existing = await forge.tagCommit(tag);
    }
  }
  if (existing === null) {
    throw shipguardError("SG_TAG_UNREADABLE", { tag, where: forge.describe });
  }
  result.tagSha = existing;
  if (existing !== sha) {
    result.superseded = true;
    const message = `Superseded: ${tag} already exists on ${existing}, not on the analysed commit ${sha}. Another run released this version first; nothing was created. The next run on this branch computes the version after it.`;
    logger.warning(message);
    steps.push(message);
    return;
  }
  steps.push(
    createdNow ? `Created the tag ${tag} on ${sha}.` : `The tag ${tag} already points at ${sha}: kept.`,
  );
  result.madeNow = createdNow;
  result.tagCreated = createdNow;
  if (!createdNow && (await shareExistingTag(forge, logger, tag, sha, result)) === "conflict") return;
  // 2. The release: draft, then publish. Only a tag that existed before can already have one.
  if (forge.releases) {
    let release = createdNow ? null : await forge.releases.find(tag);
    if (release === null) {
      release = await forge.releases.createDraft({
        tag,
        name: target.title,
        body: version.notes,
        prerelease: version.prerelease,
      });
      steps.push(`Created the draft release ${release.url}.`);
    } else {
      steps.push(`Found the ${release.draft ? "draft " : ""}release ${release.url}.`);
    }
    if (release.draft) release = await publishDraft(forge.releases, logger, release, makeLatest, result);
    result.release = release;
  }
  result.released = true;

  // 3. Floating tags last: they only move once the release is whole.
  for (const f of floating) {
    const moved = await forge.moveTag(f, sha);
    result.floatingTags.push(f);
    steps.push(
      moved === "moved"
        ? `Moved the floating tag ${f} to ${sha}.`
        : `The floating tag ${f} already points at ${sha}: kept.`,
    );
  }
}

/** What a dry run would write, step by step. */
function wouldDo(
  forge: Forge,
  version: VersionResult,
  title: string,
  floating: string[],
  makeLatest: boolean,
): string[] {
  const { tag, sha } = version;
  const steps = [`Would create the tag ${tag} on ${sha} in ${forge.describe}.`];
  if (forge.releases) {
    const named = title === tag ? "" : ` titled "${title}"`;
    steps.push(
      `Would create and publish the release ${tag}${named}${version.prerelease ? " as a prerelease" : ""}${latestText(makeLatest, version, ", marked latest")}.`,
    );
  }
  for (const f of floating) steps.push(`Would move the floating tag ${f} to ${sha}.`);
  return steps;
}

/**
 * Publishes the draft. Two runs on the same commit (a re-run while the first still runs) can each
 * make a draft; the one that publishes second finds the other's release published, deletes its
 * own draft, and is done: the release exists, once, and only the run that published it made it.
 */
async function publishDraft(
  releases: ReleasePort,
  logger: Logger,
  draft: ReleaseInfo,
  makeLatest: boolean,
  result: ReleaseResult,
): Promise<ReleaseInfo> {
  const { steps } = result;
  const outcome = await releases.publish(draft, { makeLatest });
  if (outcome.state === "published") {
    steps.push(
      `Published ${outcome.release.url}${latestText(makeLatest, result.version, " as the latest release")}.`,
    );
    result.madeNow = true;
    return outcome.release;
  }
  try {
    await releases.deleteDraft(draft);
    steps.push(
      `Already released: another run published ${outcome.by.url} first; deleted this run's draft ${draft.url}.`,
    );
  } catch (error) {
    // The release is whole; only a redundant draft stays behind, and a person can delete it.
    const detail = error instanceof Error ? error.message : String(error);
    logger.warning(`Could not delete this run's redundant draft release ${draft.url}: ${detail}`);
    steps.push(
      `Already released: another run published ${outcome.by.url} first; this run's draft ${draft.url} could not be deleted: delete it by hand.`,
    );
  }
  return outcome.by;
}

/**
 * A re-run finishes what the first run did not do: a tag made here but never pushed is pushed. A
 * remote with the tag on another commit is said, and the release is superseded there.
 */
async function shareExistingTag(
  forge: Forge,
  logger: Logger,
  tag: string,
  sha: string,
  result: ReleaseResult,
): Promise<"shared" | "conflict"> {
  const shared = await forge.shareTag?.(tag, sha);
  if (shared?.state === "pushed") {
    result.steps.push(`Pushed the tag ${tag} to ${shared.where}.`);
    result.madeNow = true;
  }
  if (shared?.state !== "conflict") return "shared";
  result.superseded = true;
  const message = `Not pushed: ${shared.where} has ${tag} on ${shared.remoteSha ?? "another commit"}, not on ${sha} as here. Another run released this version there first; delete the local tag (git tag -d ${tag}) so this clone agrees with ${shared.where}.`;
  logger.warning(message);
  result.steps.push(message);
  return "conflict";
}

function latestText(makeLatest: boolean, v: VersionResult, latest: string): string {
  if (makeLatest) return latest;
  return v.maintenanceLine === null ? "" : `, not marked latest (maintenance line ${v.maintenanceLine})`;
}

/**
 * A maintenance release must never steal "latest": a release from a branch of maintenance-branches
 * never, and elsewhere one of an old line (below an existing stable version) neither.
 */
function isHighestStable(v: VersionResult): boolean {
  if (v.version === null || v.prerelease || v.maintenanceLine !== null) return false;
  const mine = v.version;
  return v.existingVersions.every((t) => t.prerelease || t.name === v.tag || semver.gt(mine, t.version));
}

/**
 * `v1` and `v1.2` move only to stable versions, and only forward: a fix on an older minor line
 * does not drag `v1` back from a newer minor.
 */
function floatingTagsFor(target: ReleaseTarget, v: VersionResult): string[] {
  if (target.floatingTags === "none" || v.version === null || v.prerelease) return [];
  const parsed = semver.parse(v.version);
  if (parsed === null) return [];
  const stable = v.existingVersions
    .filter((t) => !t.prerelease && t.name !== v.tag)
    .map((t) => semver.parse(t.version)!);
  const tags: string[] = [];
  if (stable.every((o) => o.major !== parsed.major || semver.gt(parsed, o)))
    tags.push(`${target.tagPrefix}${parsed.major}`);
  if (
    target.floatingTags === "major-minor" &&
    stable.every((o) => o.major !== parsed.major || o.minor !== parsed.minor || semver.gt(parsed, o))
  ) {
    tags.push(`${target.tagPrefix}${parsed.major}.${parsed.minor}`);
  }
  return tags;
}
