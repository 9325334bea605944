import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  cell,
  table
} from "./chunk-ZNHUX4NO.js";

// src/presenters/version.ts
function versionOutputs(r) {
  return {
    version: r.version ?? "",
    "previous-version": r.previousVersion ?? "",
    tag: r.tag ?? "",
    "previous-tag": r.previousTag ?? "",
    bump: r.bump,
    "release-needed": String(r.releaseNeeded),
    prerelease: String(r.prerelease),
    "commit-count": String(r.commitCount),
    notes: r.notes
  };
}
function versionJson(r) {
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
    warnings: r.warnings,
    notes: r.notes
  };
}
function versionSummary(r) {
  const counts = Object.entries(r.analysis.countsByType).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
  );
  const parts = [
    `### shipguard version: ${r.releaseNeeded ? `release ${cell(r.tag ?? "")}` : "no release needed"}`,
    "",
    cell(r.reason),
    ""
  ];
  if (counts.length > 0) {
    parts.push(
      table(
        ["type", "commits"],
        counts.map(([type, n]) => [`\`${cell(type)}\``, String(n)])
      ),
      ""
    );
  }
  parts.push(
    `${r.commitCount} commit(s) counted since ${r.previousTag === null ? "the beginning" : `\`${cell(r.previousTag)}\``}` + (r.analysis.mergeCount > 0 ? `, ${r.analysis.mergeCount} merge commit(s) skipped for the bump` : "") + (r.analysis.cancelledCount > 0 ? `, ${r.analysis.cancelledCount} cancelled by reverts` : "") + "."
  );
  for (const w of r.warnings) parts.push("", `> [!WARNING]
> ${cell(w)}`);
  if (r.notes !== "")
    parts.push("", "<details><summary>Release notes</summary>", "", r.notes, "", "</details>");
  return `${parts.join("\n")}
`;
}
function versionText(r) {
  const lines = [
    r.releaseNeeded ? `Next version: ${r.tag} (${r.bump})` : "No release needed.",
    `Previous: ${r.previousTag ?? "none"}`,
    `Commits counted: ${r.commitCount}`,
    `Why: ${r.reason}`
  ];
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return `${lines.join("\n")}
`;
}

// src/presenters/release.ts
function releaseOutputs(r) {
  return {
    ...versionOutputs(r.version),
    released: String(r.released),
    "release-id": r.release === null ? "" : String(r.release.id),
    "release-url": r.release?.url ?? "",
    "tag-sha": r.tagSha ?? "",
    superseded: String(r.superseded)
  };
}
function releaseJson(r) {
  return {
    ...versionJson(r.version),
    released: r.released,
    superseded: r.superseded,
    dryRun: r.dryRun,
    tagSha: r.tagSha,
    releaseId: r.release?.id ?? null,
    releaseUrl: r.release?.url ?? null,
    floatingTags: r.floatingTags,
    steps: r.steps
  };
}
function releaseSummary(r, tagUrl) {
  const v = r.version;
  const head = r.superseded ? `### shipguard release: superseded` : r.dryRun && v.releaseNeeded ? `### shipguard release (dry run): would release ${cell(v.tag ?? "")}` : r.released ? `### shipguard release: ${tagUrl ? `[${cell(v.tag ?? "")}](${tagUrl})` : cell(v.tag ?? "")}${r.release ? ` ([release](${r.release.url}))` : ""}` : "### shipguard release: no release needed";
  const steps = r.steps.map((s) => `- ${cell(s)}`).join("\n");
  return `${head}

${steps}

${versionSummary(v).replace(/^### .*\n/, "")}`;
}
function releaseText(r) {
  return `${r.steps.join("\n")}
`;
}

export {
  versionOutputs,
  versionJson,
  versionSummary,
  versionText,
  releaseOutputs,
  releaseJson,
  releaseSummary,
  releaseText
};
