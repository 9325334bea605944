/**
 * How the release pull request is shown (README, "Release pull requests"): the `pr-number` and
 * `pr-url` outputs, and one sentence (opened, updated, closed, released PR #n) for the message,
 * the summary's head and the CLI's text.
 */
import type { PullRequestReport } from "../commands/release.ts";
import { cell } from "./markdown.ts";

/** Empty in direct mode, and when no pull request was opened, found or closed. */
export function pullRequestOutputs(report: PullRequestReport | null): Record<string, string> {
  return {
    "pr-number": report?.number === null || report === null ? "" : String(report.number),
    "pr-url": report?.url ?? "",
  };
}

export function pullRequestJson(report: PullRequestReport | null): Record<string, unknown> {
  if (report === null) return { pullRequest: null };
  const { action, number, url, branch, base, commit, files, diff, steps } = report;
  return { pullRequest: { action, number, url, branch, base, commit, files, diff, steps } };
}

/** What happened to the release pull request, in one sentence. */
export function pullRequestSentence(report: PullRequestReport, proposed: string[]): string {
  const pr = `#${report.number}`;
  const what = proposed.length === 0 ? "" : ` proposing ${proposed.join(", ")}`;
  if (report.dryRun) return `Dry run: ${report.steps.at(-1) ?? "nothing would change."}`;
  switch (report.action) {
    case "opened":
      return `Opened the release pull request ${pr}${what}.`;
    case "updated":
      return `Updated the release pull request ${pr}${what}.`;
    case "unchanged":
      return `Updated the release pull request ${pr}${what} (its branch moved to a fresh commit; title and body unchanged).`;
    case "closed":
      return `Closed the release pull request ${pr}: nothing release-worthy is left.`;
    case "released":
      return `Released the merged release pull request ${pr}.`;
    case "none":
      return "No release pull request: nothing release-worthy.";
  }
}

/** The summary's head and the pull request's steps. */
export function pullRequestSummary(report: PullRequestReport, proposed: string[]): string {
  const link = report.url === null ? "" : ` ([#${report.number}](${report.url}))`;
  const steps = report.steps.map((s) => `- ${cell(s)}`).join("\n");
  const diff = report.diff === "" ? "" : `${diffBlock(report.diff)}\n\n`;
  return `### shipguard release pull request: ${cell(pullRequestSentence(report, proposed))}${link}\n\n${steps}\n\n${diff}`;
}

/** The dry run's diff, folded; a fence longer than any backtick run inside it. */
function diffBlock(diff: string): string {
  const longest = Math.max(2, ...[...diff.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `<details><summary>The release commit's diff</summary>\n\n${fence}diff\n${diff.trimEnd()}\n${fence}\n\n</details>`;
}
