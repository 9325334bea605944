/** Version files: a file listed in version-files whose version cannot be found exactly once. */
import { define } from "../define-error.ts";

/** What is wrong in the file, as facts (1-based line numbers). */
export type VersionFileProblem =
  | { kind: "unparsable"; format: string; detail: string; line: number }
  | { kind: "missing" }
  | { kind: "ambiguous"; lines: number[] }
  | { kind: "not-a-string"; line: number; found: string }
  /** A marked line (x-shipguard-version) that holds no SemVer version. */
  | { kind: "unmarked"; line: number }
  /** The file says its version is kept elsewhere: `source` names where, `instead` what to do. */
  | { kind: "elsewhere"; line: number; source: string; instead: string };

const lineList = (lines: number[]): string => {
  const unique = [...new Set(lines)];
  if (unique.length === 1) return `on line ${unique[0]}`;
  return `on lines ${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
};

function found(problem: VersionFileProblem): string {
  switch (problem.kind) {
    case "unparsable":
      return `it is not valid ${problem.format} (line ${problem.line}: ${problem.detail})`;
    case "missing":
      return "found none";
    case "ambiguous":
      return `found ${problem.lines.length}, ${lineList(problem.lines)}, and cannot tell which one is the version`;
    case "not-a-string":
      return `found ${problem.found} on line ${problem.line}, not a plain version string`;
    case "unmarked":
      return `line ${problem.line} carries the marker x-shipguard-version but holds no SemVer version (x.y.z)`;
    case "elsewhere":
      return `the version is not kept in this file: line ${problem.line} says it comes from ${problem.source}`;
  }
}

function remedy(file: string, problem: VersionFileProblem): string {
  const drop = `remove ${file} from version-files`;
  switch (problem.kind) {
    case "unparsable":
      return `Fix the file's syntax at that line, or ${drop}.`;
    case "missing":
      return `Add the version where it is expected, or ${drop}.`;
    case "ambiguous":
      return `Keep the version in one place only, or ${drop}.`;
    case "not-a-string":
      return `Write the version there as a literal string (for example "1.2.3"), or ${drop}.`;
    case "unmarked":
      return "Put the version (x.y.z) on the same line as the marker, or remove the marker from that line.";
    case "elsewhere":
      return `${problem.instead.charAt(0).toUpperCase()}${problem.instead.slice(1)}, and ${drop}; or keep the version in ${file} itself.`;
  }
}

export const FILES_ERRORS = {
  SG_VERSION_FILE: define(
    "A file of version-files does not hold its version exactly once where its format keeps it (missing, twice, not a string, or kept elsewhere); no file was written.",
    (p: { file: string; expected: string; problem: VersionFileProblem }) => ({
      message: `Cannot set the version in ${p.file}: expected ${p.expected}; ${found(p.problem)}. No file was written.`,
      remedy: remedy(p.file, p.problem),
      input: "version-files",
      value: p.file,
    }),
    "Keep the version exactly once where the file's format keeps it, or remove the file from `version-files`.",
  ),
  SG_VERSION_FILE_NOT_FOUND: define(
    "A file of version-files is not in the analysed commit; no file was written.",
    (p: { file: string; setting: string; commit: string }) => ({
      message: `${p.setting} names ${p.file}, which is not a file in the analysed commit ${p.commit.slice(0, 12)}. No file was written.`,
      remedy: `Commit ${p.file} first, or correct the path in ${p.setting} (in a monorepo it is relative to the package's folder).`,
      input: p.setting,
      value: p.file,
    }),
    "Commit the file, or correct its path (relative to the package's folder in a monorepo).",
  ),
  SG_FILE_NOT_UTF8: define(
    "A file the release would edit (a version file, a lockfile, a manifest, the changelog) is not UTF-8 text: writing it back would change its other bytes; no file was written.",
    (p: { file: string; line: number; commit: string }) => ({
      message: `Cannot edit ${p.file}: it is not UTF-8 text (line ${p.line} in ${p.commit.slice(0, 12)} holds bytes that are not UTF-8, for example Latin-1's é), and shipguard writes the files it edits as UTF-8, which would change those bytes. No file was written.`,
      remedy: `Save ${p.file} as UTF-8 and commit it (in a gradle.properties, which Java reads as ISO-8859-1, write non-ASCII characters as \\uXXXX escapes: an ASCII file reads the same both ways), or leave it out of version-files and changelog-file.`,
      value: p.file,
    }),
    "Save the file as UTF-8 (in gradle.properties, write non-ASCII characters as `\\uXXXX` escapes), or leave it out of the release's files.",
  ),
  SG_WORKTREE_CHANGED: define(
    "`release` on the CLI with version files or a changelog: the working tree or the branch is not as the analysed commit left it, so the release commit is not made; nothing was written.",
    (p: { branch: string; parent: string; problem: string }) => ({
      message: `Cannot make the release commit on ${p.branch} on top of ${p.parent.slice(0, 12)}: ${p.problem} Nothing was written.`,
      remedy:
        "Commit or discard the changes to the files the release writes (`git status`), check out the branch at the analysed commit, and run `release` again.",
    }),
    "Commit or discard the local changes to the release's files, and run again on the branch's tip.",
  ),
};
