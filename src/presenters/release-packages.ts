/**
 * How a monorepo's release is shown (README, "Monorepos"): `version`'s `packages` output with each
 * package's release (`released`, `release-url`, `tag-sha`, `superseded`), `released-packages` as the
 * packages whose release exists at the end, the single-package outputs for `.` (empty without it),
 * a job summary row per package, CLI lines per package with their steps, and --json.
 */
import type { PackageReleaseResult, PackagesReleaseResult } from "../commands/release.ts";
import type { PackageVersionResult } from "../commands/version.ts";
import { refusal } from "../errors.ts";
import { OUTPUT_LIMIT_BYTES } from "./github-limits.ts";
import { cell, table } from "./markdown.ts";
import { releaseFields, releaseOutputs } from "./release.ts";
import {
  releaseFilesJson,
  releaseFilesSummary,
  releaseFilesText,
  releaseShaOutput,
} from "./release-files.ts";
import { entryOf, packagesJson, packagesOutput } from "./version-packages.ts";

function rootOf(r: PackagesReleaseResult): PackageReleaseResult | null {
  return r.releases.find((p) => p.version.path === ".") ?? null;
}

function releaseOf(r: PackagesReleaseResult, p: PackageVersionResult): PackageReleaseResult {
  return r.releases.find((x) => x.version.path === p.path)!;
}

/** The packages whose release exists at the end of the run. */
export function releasedPackages(r: PackagesReleaseResult): string[] {
  return r.releases.filter((p) => p.released).map((p) => p.version.path);
}

/** What a package's release adds to its entry of the `packages` output. */
function outputEntry(p: PackageReleaseResult): Record<string, unknown> {
  return {
    released: p.released,
    "release-url": p.release?.url ?? null,
    "tag-sha": p.tagSha,
    superseded: p.superseded,
  };
}

export function releasePackagesOutputs(
  r: PackagesReleaseResult,
  limit = OUTPUT_LIMIT_BYTES,
): Record<string, string> {
  const root = rootOf(r);
  // Without `.`, every single-package output is there, and empty.
  const single =
    root === null
      ? Object.fromEntries(Object.keys(releaseOutputs(r.releases[0]!)).map((name) => [name, ""]))
      : releaseOutputs(root);
  return {
    ...single,
    packages: packagesOutput(r.versions, limit, (p) => outputEntry(releaseOf(r, p))),
    "released-packages": JSON.stringify(releasedPackages(r)),
    ...releaseShaOutput(r.files),
  };
}

export function releasePackagesJson(r: PackagesReleaseResult): Record<string, unknown> {
  const root = rootOf(r);
  const rootRelease =
    root === null
      ? Object.fromEntries(Object.keys(releaseFields(r.releases[0]!)).map((name) => [name, null]))
      : releaseFields(root);
  const entry = (p: PackageVersionResult) => {
    const release = releaseOf(r, p);
    return {
      ...outputEntry(release),
      "release-id": release.release?.id ?? null,
      "floating-tags": release.floatingTags,
      steps: release.steps,
      failure: release.failure,
    };
  };
  return {
    ...packagesJson(r.versions),
    ...rootRelease,
    dryRun: r.dryRun,
    packages: Object.fromEntries(r.versions.packages.map((p) => [p.path, entryOf(p, p.notes, entry)])),
    releasedPackages: releasedPackages(r),
    ...releaseFilesJson(r.files),
  };
}

/** What happened to one package, in a few words. */
function outcomeOf(p: PackageReleaseResult): string {
  const tag = p.version.tag ?? "";
  if (p.failure !== null) return `${tag} failed (${p.failure.code})`;
  if (p.superseded) return `${tag} superseded`;
  if (!p.version.releaseNeeded) return "no release needed";
  if (p.dryRun) return `${tag} would be released`;
  if (p.released) return p.madeNow ? `${tag} released` : `${tag} already released: kept`;
  return `${tag} not released`;
}

/** One sentence for all packages. */
export function releasePackagesReason(r: PackagesReleaseResult): string {
  const of = `${r.releases.length} package${r.releases.length === 1 ? "" : "s"}`;
  const list = (ps: PackageReleaseResult[]) =>
    ps.map((p) => `${p.version.path} (${p.version.tag})`).join(", ");
  const needed = r.releases.filter((p) => p.version.releaseNeeded);
  if (needed.length === 0) return `No release needed in any of the ${of}.`;
  if (r.dryRun) return `Dry run: ${needed.length} of ${of} would be released: ${list(needed)}.`;
  const released = r.releases.filter((p) => p.released);
  const parts = [
    `${released.length} of ${of} released${released.length === 0 ? "" : `: ${list(released)}`}.`,
  ];
  const superseded = r.releases.filter((p) => p.superseded);
  if (superseded.length > 0) parts.push(`Superseded: ${list(superseded)}.`);
  const failed = r.releases.filter((p) => p.failure !== null);
  if (failed.length > 0) parts.push(`Failed: ${list(failed)}.`);
  return parts.join(" ");
}

/** A line per package, then the steps of each package that had something to release. */
export function releasePackagesText(r: PackagesReleaseResult): string {
  const width = Math.max(...r.releases.map((p) => p.version.path.length));
  const lines: string[] = [...r.steps];
  for (const p of r.releases) {
    lines.push(`${p.version.path.padEnd(width)}  ${outcomeOf(p)}`);
    if (p.version.releaseNeeded) lines.push(...p.steps.map((s) => `  ${s}`));
  }
  return `${lines.join("\n")}\n${releaseFilesText(r.files, r.dryRun)}`;
}

export function releasePackagesSummary(
  r: PackagesReleaseResult,
  tagUrl: (p: PackageReleaseResult) => string | null,
): string {
  const needed = r.releases.filter((p) => p.version.releaseNeeded);
  const released = r.releases.filter((p) => p.released);
  const failed = r.releases.filter((p) => p.failure !== null);
  const head = r.dryRun
    ? `### shipguard release (dry run): ${needed.length} of ${r.releases.length} packages would be released`
    : `### shipguard release: ${released.length} of ${r.releases.length} packages released${failed.length === 0 ? "" : `, ${failed.length} failed`}`;
  const tagCell = (p: PackageReleaseResult) => {
    if (p.version.tag === null) return "no release";
    const url = tagUrl(p);
    return url === null ? `\`${cell(p.version.tag)}\`` : `[\`${cell(p.version.tag)}\`](${url})`;
  };
  const parts = [
    head,
    "",
    table(
      ["package", "component", "previous", "tag", "bump", "outcome", "release"],
      r.releases.map((p) => [
        `\`${cell(p.version.path)}\``,
        cell(p.version.component),
        p.version.previousTag === null ? "none" : `\`${cell(p.version.previousTag)}\``,
        tagCell(p),
        p.version.bump,
        cell(outcomeOf(p)),
        p.release === null ? "" : `[release](${p.release.url})`,
      ]),
    ),
  ];
  for (const s of r.steps) parts.push("", `- ${cell(s)}`);
  const files = releaseFilesSummary(r.files, r.dryRun);
  if (files !== "") parts.push(files.trimEnd());
  for (const w of r.versions.warnings) parts.push("", `> [!WARNING]\n> ${cell(w)}`);
  for (const p of r.releases) {
    for (const w of p.version.warnings) parts.push("", `> [!WARNING]\n> ${cell(`${p.version.path}: ${w}`)}`);
    if (p.failure !== null)
      parts.push("", `> [!CAUTION]\n> ${cell(`${p.version.path}: ${p.failure.code}: ${p.failure.message}`)}`);
  }
  for (const p of needed) {
    parts.push("", `#### ${cell(p.version.path)}: ${cell(outcomeOf(p))}`, "");
    parts.push(...p.steps.map((s) => `- ${cell(s)}`));
    parts.push("", "<details><summary>Release notes</summary>", "", p.version.notes, "", "</details>");
  }
  return `${parts.join("\n")}\n`;
}

/**
 * The notes of every package that has a release to make, each under its release's title, for the
 * CLI's stdout or --notes-file; empty when none has.
 */
export function releasePackagesNotes(r: PackagesReleaseResult): string {
  return r.releases
    .filter((p) => p.version.notes !== "")
    .map((p) => `# ${p.version.component} ${p.version.version}\n\n${p.version.notes}`)
    .join("\n");
}

/** The step fails when a package's release stopped part-way, naming which are done and which not. */
export function releasePackagesProblem(r: PackagesReleaseResult) {
  const failed = r.releases.filter((p) => p.failure !== null);
  if (failed.length === 0) return null;
  return refusal("SG_PACKAGE_RELEASES_FAILED", {
    failed: failed.map((p) => ({ path: p.version.path, tag: p.version.tag, ...p.failure! })),
    released: r.releases.filter((p) => p.released).map((p) => `${p.version.path} (${p.version.tag})`),
    total: r.releases.length,
  });
}
