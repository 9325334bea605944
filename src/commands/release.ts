/**
 * `release`: the version, then the tag on exactly the analysed commit, then the release (a draft
 * first, published last, so immutable releases work), then floating tags: steps/write-release.ts.
 * A re-run finishes what an earlier run left: a tag of this run's version found at HEAD means that
 * run decided it, so the version is decided again as if the tag were not there, and its release is
 * finished (nothing is written when it is complete).
 */
import type { RunContext } from "../context.ts";
import type { Forge, Git, Logger } from "../ports.ts";
import type { ReleaseSettings } from "../settings.ts";
import { computeVersion } from "../steps/compute-version.ts";
import { newReleaseResult, type ReleaseResult, writeRelease } from "../steps/write-release.ts";

export type { ReleaseResult };

export interface ReleasePorts {
  git: Git;
  forge: Forge;
  logger: Logger;
  now?: () => Date;
}

type Where = Pick<RunContext, "serverUrl" | "repository" | "branch">;

export async function runRelease(
  settings: ReleaseSettings,
  ports: ReleasePorts,
  context: Where,
): Promise<ReleaseResult> {
  let version = await computeVersion(settings, ports, context);
  if (!version.releaseNeeded && version.tagsAtHead.length > 0) {
    // HEAD already carries a tag: a re-run after the tag was made. Recompute what that run
    // computed; when it names the same tag, finish its release (a no-op when it is complete).
    const before = await computeVersion(settings, ports, context, { ignoreTagsAtHead: true });
    if (before.tag !== null && version.tagsAtHead.includes(before.tag)) version = before;
  }
  const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
  await writeRelease(
    result,
    {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true,
      dryRun: settings.dryRun,
    },
    ports,
  );
  return result;
}
