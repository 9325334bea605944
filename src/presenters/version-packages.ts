/**
 * How a monorepo's versions are shown (README, "Monorepos"): the `packages` and
 * `released-packages` outputs, the single-package outputs for `.` (empty without it), a job
 * summary row per package, a CLI line per package, and --json.
 */
import type { PackageVersionResult, VersionsResult } from "../commands/version.ts";
import { capText, OUTPUT_LIMIT_BYTES } from "./github-limits.ts";
import { cell, table } from "./markdown.ts";
import { versionJson, versionOutputs } from "./version.ts";

export function rootOf(r: VersionsResult): PackageVersionResult | null {
  return r.packages.find((p) => p.path === ".") ?? null;
}

/** What a command adds to a package's entry (`release`: the release's fields). */
export type EntryExtra = (p: PackageVersionResult) => Record<string, unknown>;

const NOTHING: EntryExtra = () => ({});

/** A package in the `packages` output and in --json: the same kebab-case keys in both. */
export function entryOf(p: PackageVersionResult, notes = p.notes, extra = NOTHING): Record<string, unknown> {
  return {
    component: p.component,
    version: p.version,
    "previous-version": p.previousVersion,
    tag: p.tag,
    "previous-tag": p.previousTag,
    bump: p.bump,
    "release-needed": p.releaseNeeded,
    "commit-count": p.commitCount,
    reason: p.reason,
    notes,
    // Not in the single-package outputs: what deploy needs to find the tag of `version`.
    "tag-prefix": p.tagPrefix,
    ...extra(p),
  };
}

export function releasedPaths(r: VersionsResult): string[] {
  return r.packages.filter((p) => p.releaseNeeded).map((p) => p.path);
}

export function packagesOutputs(r: VersionsResult, limit = OUTPUT_LIMIT_BYTES): Record<string, string> {
  const root = rootOf(r);
  // The single-package outputs describe the root package `.`; without it, the same names, empty.
  const single =
    root === null
      ? Object.fromEntries(Object.keys(versionOutputs(r.packages[0]!)).map((n) => [n, ""]))
      : versionOutputs(root);
  return {
    ...single,
    packages: packagesOutput(r, limit),
    "released-packages": JSON.stringify(releasedPaths(r)),
  };
}

/**
 * The `packages` output as JSON that stays JSON within GitHub's limit per output: when the notes
 * of many packages would pass it, each package's notes are cut to an equal share (at a line, with
 * a last line saying so); the releases carry them whole.
 */
export function packagesOutput(r: VersionsResult, limit: number, extra = NOTHING): string {
  const whole = JSON.stringify(
    Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p, p.notes, extra)])),
  );
  if (Buffer.byteLength(whole) <= limit) return whole;
  const bare = JSON.stringify(Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p, "", extra)])));
  // JSON escapes new lines and quotes: a share of the room, in raw bytes, leaves space for that.
  let share = Math.floor((limit - Buffer.byteLength(bare)) / Math.max(1, r.packages.length) / 1.5);
  for (;;) {
    const cut = (notes: string) =>
      capText(
        notes,
        Math.max(0, share),
        (bytes) =>
          `… (shipguard cut ${bytes} bytes of these notes to keep the \`packages\` output within GitHub's 1 MB; the release carries them whole.)`,
      ).text;
    const text = JSON.stringify(
      Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p, cut(p.notes), extra)])),
    );
    if (Buffer.byteLength(text) <= limit || share <= 0) return text;
    share = Math.floor(share / 2);
  }
}

export function packagesJson(r: VersionsResult): Record<string, unknown> {
  const root = rootOf(r);
  const warnings = [
    ...r.warnings,
    ...r.packages.flatMap((p) => p.warnings.map((w) => (p === root ? w : `${p.path}: ${w}`))),
  ];
  const single =
    root === null
      ? {
          version: null,
          previousVersion: null,
          tag: null,
          previousTag: null,
          bump: null,
          releaseNeeded: null,
          prerelease: null,
          commitCount: null,
          sha: r.sha,
          reason: packagesReason(r),
          warnings,
          notes: null,
        }
      : { ...versionJson(root), warnings };
  return {
    ...single,
    packages: Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p)])),
    releasedPackages: releasedPaths(r),
  };
}

/** One sentence for all packages. */
export function packagesReason(r: VersionsResult): string {
  const released = r.packages.filter((p) => p.releaseNeeded);
  const of = `${r.packages.length} package${r.packages.length === 1 ? "" : "s"}`;
  if (released.length === 0) return `No release needed in any of the ${of}.`;
  const list = released.map((p) => `${p.path} (${p.tag})`).join(", ");
  return `${released.length} of ${of} need${released.length === 1 ? "s" : ""} a release: ${list}.`;
}

/** A line per package; the warnings were said in the log as they came. */
export function packagesText(r: VersionsResult): string {
  const width = Math.max(...r.packages.map((p) => p.path.length));
  const lines = r.packages.map((p) => {
    const what = p.releaseNeeded ? `${p.tag} (${p.bump})` : "no release needed";
    const commits = `${p.commitCount} commit${p.commitCount === 1 ? "" : "s"}`;
    return `${p.path.padEnd(width)}  ${what}, previous ${p.previousTag ?? "none"}, ${commits}`;
  });
  return `${lines.join("\n")}\n`;
}

export function packagesSummary(r: VersionsResult): string {
  const released = r.packages.filter((p) => p.releaseNeeded);
  const parts = [
    `### shipguard version: ${released.length === 0 ? "no release needed" : `${released.length} of ${r.packages.length} packages to release`}`,
    "",
    table(
      ["package", "component", "previous", "next", "bump", "commits", "why"],
      r.packages.map((p) => [
        `\`${cell(p.path)}\``,
        cell(p.component),
        p.previousTag === null ? "none" : `\`${cell(p.previousTag)}\``,
        p.tag === null ? "no release" : `\`${cell(p.tag)}\``,
        p.bump,
        String(p.commitCount),
        cell(p.reason),
      ]),
    ),
  ];
  for (const w of r.warnings) parts.push("", `> [!WARNING]\n> ${cell(w)}`);
  for (const p of r.packages)
    for (const w of p.warnings) parts.push("", `> [!WARNING]\n> ${cell(`${p.path}: ${w}`)}`);
  for (const p of released) {
    parts.push(
      "",
      `<details><summary>Release notes: ${cell(p.tag ?? "")}</summary>`,
      "",
      p.notes,
      "",
      "</details>",
    );
  }
  return `${parts.join("\n")}\n`;
}
