/** How a release result is shown: outputs (the version's plus the release's), summary and text. */
import type { ReleaseResult } from "../commands/release.ts";
import { cell } from "./markdown.ts";
import {
  releaseFilesJson,
  releaseFilesSummary,
  releaseFilesText,
  releaseShaOutput,
} from "./release-files.ts";
import { versionJson, versionOutputs, versionSummary } from "./version.ts";

export function releaseOutputs(r: ReleaseResult): Record<string, string> {
  return {
    ...versionOutputs(r.version),
    released: String(r.released),
    "release-id": r.release === null ? "" : String(r.release.id),
    "release-url": r.release?.url ?? "",
    "tag-sha": r.tagSha ?? "",
    superseded: String(r.superseded),
    ...releaseShaOutput(r.files),
  };
}

export function releaseJson(r: ReleaseResult): Record<string, unknown> {
  return { ...versionJson(r.version), ...releaseFields(r) };
}

/** What --json says of the release itself, next to the version's fields. */
export function releaseFields(r: ReleaseResult): Record<string, unknown> {
  return {
    released: r.released,
    superseded: r.superseded,
    dryRun: r.dryRun,
    tagSha: r.tagSha,
    releaseId: r.release?.id ?? null,
    releaseUrl: r.release?.url ?? null,
    floatingTags: r.floatingTags,
    steps: r.steps,
    ...releaseFilesJson(r.files),
  };
}

export function releaseSummary(r: ReleaseResult, tagUrl: string | null): string {
  const v = r.version;
  const head = r.superseded
    ? `### shipguard release: superseded`
    : r.dryRun && v.releaseNeeded
      ? `### shipguard release (dry run): would release ${cell(v.tag ?? "")}`
      : r.released
        ? `### shipguard release: ${tagUrl ? `[${cell(v.tag ?? "")}](${tagUrl})` : cell(v.tag ?? "")}${r.release ? ` ([release](${r.release.url}))` : ""}`
        : "### shipguard release: no release needed";
  const steps = r.steps.map((s) => `- ${cell(s)}`).join("\n");
  // The version summary carries the decision, the table of commits and the notes.
  const files = releaseFilesSummary(r.files, r.dryRun);
  return `${head}\n\n${steps}\n${files}\n${versionSummary(v).replace(/^### .*\n/, "")}`;
}

export function releaseText(r: ReleaseResult): string {
  return `${r.steps.join("\n")}\n${releaseFilesText(r.files, r.dryRun)}`;
}

/** The page of a tag's release on GitHub, for links; null outside GitHub or without a tag. */
export function tagUrlOf(
  r: ReleaseResult,
  serverUrl: string | null,
  repo: { owner: string; repo: string } | null,
): string | null {
  return r.tagSha && serverUrl && repo
    ? `${serverUrl}/${repo.owner}/${repo.repo}/releases/tag/${encodeURIComponent(r.version.tag ?? "")}`
    : null;
}
