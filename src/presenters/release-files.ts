/**
 * How a release's file changes are shown: the release commit's sha as an output, and in a dry run
 * the unified diff (CLI text, and the job summary in a fenced `diff` block).
 */
import type { ReleaseFilesOutcome } from "../steps/release-commit.ts";

/** The `release-sha` output: the release commit the tags point at; empty without one. */
export function releaseShaOutput(files: ReleaseFilesOutcome | null): Record<string, string> {
  return { "release-sha": files?.sha ?? "" };
}

/** What --json says of the files. */
export function releaseFilesJson(files: ReleaseFilesOutcome | null): Record<string, unknown> {
  return {
    releaseSha: files?.sha ?? null,
    releaseCommitMessage: files?.message ?? null,
    files: files?.changes.map((c) => c.path) ?? [],
    diff: files?.diff ?? "",
  };
}

/** The CLI's text: in a dry run, the diff the release commit would make. */
export function releaseFilesText(files: ReleaseFilesOutcome | null, dryRun: boolean): string {
  if (files === null || !dryRun) return "";
  return `\n${files.diff}`;
}

/** The job summary's part: the files, and in a dry run the diff. */
export function releaseFilesSummary(files: ReleaseFilesOutcome | null, dryRun: boolean): string {
  if (files === null || files.found) return "";
  const list = files.changes.map((c) => `\`${c.path.replace(/`/g, "'")}\``).join(", ");
  const head = `${dryRun ? "Would change" : "Changed"} ${list} in \`${files.message}\`.`;
  if (!dryRun) return `\n${head}\n`;
  // A fence longer than any run of backticks in the diff, so the diff cannot close it.
  const longest = Math.max(2, ...[...files.diff.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `\n${head}\n\n<details><summary>The diff</summary>\n\n${fence}diff\n${files.diff}${fence}\n\n</details>\n`;
}
