/** How a version result is shown: action outputs, the job summary, CLI text and CLI JSON. */
import type { VersionResult } from "../commands/version.ts";
import { cell, table } from "./markdown.ts";

export function versionOutputs(r: VersionResult): Record<string, string> {
  return {
    version: r.version ?? "",
    "previous-version": r.previousVersion ?? "",
    tag: r.tag ?? "",
    "previous-tag": r.previousTag ?? "",
    bump: r.bump,
    "release-needed": String(r.releaseNeeded),
    prerelease: String(r.prerelease),
    "commit-count": String(r.commitCount),
    notes: r.notes,
  };
}

export function versionJson(r: VersionResult): Record<string, unknown> {
  return {
    version: r.version,
    previousVersion: r.previousVersion,
    tag: r.tag,
    previousTag: r.previousTag,
    bump: r.bump,
    releaseNeeded: r.releaseNeeded,
    prerelease: r.prerelease,
    commitCount: r.commitCount,
    sha: r.sha,
    reason: r.reason,
    maintenanceLine: r.maintenanceLine,
    warnings: r.warnings,
    notes: r.notes,
  };
}

export function versionSummary(r: VersionResult): string {
  const counts = Object.entries(r.analysis.countsByType).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  const parts = [
    `### shipguard version: ${r.releaseNeeded ? `release ${cell(r.tag ?? "")}` : "no release needed"}`,
    "",
    cell(r.reason),
    "",
  ];
  if (counts.length > 0) {
    parts.push(
      table(
        ["type", "commits"],
        counts.map(([type, n]) => [`\`${cell(type)}\``, String(n)]),
      ),
      "",
    );
  }
  parts.push(
    `${r.commitCount} commit(s) counted since ${r.previousTag === null ? "the beginning" : `\`${cell(r.previousTag)}\``}` +
      (r.analysis.mergeCount > 0 ? `, ${r.analysis.mergeCount} merge commit(s) skipped for the bump` : "") +
      (r.analysis.cancelledCount > 0 ? `, ${r.analysis.cancelledCount} cancelled by reverts` : "") +
      ".",
  );
  for (const w of r.warnings) parts.push("", `> [!WARNING]\n> ${cell(w)}`);
  if (r.notes !== "")
    parts.push("", "<details><summary>Release notes</summary>", "", r.notes, "", "</details>");
  return `${parts.join("\n")}\n`;
}

/** The warnings are not repeated here: the log said each once, as it came (steps/compute-version.ts). */
export function versionText(r: VersionResult): string {
  const lines = [
    r.releaseNeeded ? `Next version: ${r.tag} (${r.bump})` : "No release needed.",
    `Previous: ${r.previousTag ?? "none"}`,
    `Commits counted: ${r.commitCount}`,
    `Why: ${r.reason}`,
  ];
  if (r.maintenanceLine !== null) lines.splice(2, 0, `Maintenance line: ${r.maintenanceLine}`);
  return `${lines.join("\n")}\n`;
}
