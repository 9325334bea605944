/**
 * The two git reads of lead time for changes (GitCli.datedCommits and missingCommits), each one
 * git process, parsed here so the adapter stays one screen of calls.
 */
import type { DatedCommit } from "../ports.ts";

/** Runs git with `input` on stdin and resolves with its stdout (a failure throws). */
export type GitRun = (args: string[], input: string) => Promise<{ stdout: string }>;

/** `git log --stdin`: `to`, then `^exclude` for each, one a line (thousands fit, no argv limit). */
export async function listDatedCommits(
  run: GitRun,
  to: string,
  exclude: readonly string[],
): Promise<DatedCommit[]> {
  const revisions = `${[to, ...exclude.map((sha) => `^${sha}`)].join("\n")}\n`;
  const r = await run(["log", "--stdin", "--no-decorate", "--format=%H %ct", "--"], revisions);
  const commits: DatedCommit[] = [];
  for (const line of r.stdout.split("\n")) {
    const [sha = "", seconds = ""] = line.split(" ");
    if (/^[0-9a-f]{40,64}$/.test(sha) && /^-?\d+$/.test(seconds)) {
      commits.push({ sha, committedAt: Number(seconds) });
    }
  }
  return commits;
}

/** `git cat-file --batch-check`: a name that is not a commit here (`<name> missing`, a tree) is missing. */
export async function findMissingCommits(run: GitRun, shas: readonly string[]): Promise<string[]> {
  const unique = [...new Set(shas)];
  if (unique.length === 0) return [];
  // A name that is not a plain SHA could be read as a revision (`HEAD~1`): never asked, missing.
  const asked = unique.filter((sha) => /^[0-9a-f]{4,64}$/i.test(sha));
  const r = await run(["cat-file", "--batch-check=%(objecttype)"], `${asked.join("\n")}\n`);
  const answers = r.stdout.split("\n");
  const missing = unique.filter((sha) => !asked.includes(sha));
  asked.forEach((sha, index) => {
    if (answers[index] !== "commit") missing.push(sha);
  });
  return missing;
}
