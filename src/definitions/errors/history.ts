/** Reading the clone: git itself, the history, tags and versions. */
import { define } from "../define-error.ts";

export const HISTORY_ERRORS = {
  /* ------------------------------------------------ history and versions -------------------- */
  SG_NOT_A_REPOSITORY: define(
    "working-directory is not inside a git repository.",
    (p: { directory: string }) => ({
      message: `${p.directory} is not inside a git repository.`,
      remedy:
        "Run in a clone of the repository (in a workflow: actions/checkout with `fetch-depth: 0` before this step), or set working-directory (`--cwd`) to one.",
      input: "working-directory",
      value: p.directory,
    }),
    "Check out the repository first (`actions/checkout` with `fetch-depth: 0`), or set `working-directory`.",
  ),
  SG_NO_COMMITS: define(
    "The repository has no commits yet.",
    (p: { topLevel: string }) => ({
      message: `The repository at ${p.topLevel} has no commits yet (HEAD does not resolve).`,
      remedy: "Commit something first, or point working-directory at a repository with history.",
    }),
    "Commit something first, or point `working-directory` at a repository with history.",
  ),
  SG_SHALLOW_CLONE: define(
    "The clone is shallow and shipguard may not (or cannot) deepen it: the version would be wrong.",
    (p: { remote: string; hasRemote: boolean; fetchHistory: boolean }) => ({
      message: `The clone is shallow${p.hasRemote ? "" : ` and has no \`${p.remote}\` remote to deepen it from`}: its history and tags are incomplete, so the version would be wrong.`,
      remedy:
        "Check out with full history: `actions/checkout` with `fetch-depth: 0` (or `git fetch --unshallow --tags`)" +
        (p.fetchHistory ? "." : ", or leave fetch-history at `true` so shipguard deepens it."),
      input: "fetch-history",
      value: String(p.fetchHistory),
    }),
    "Check out with `fetch-depth: 0`, or leave `fetch-history` at `true`.",
  ),
  SG_DEEPEN_FAILED: define(
    "The clone is shallow and fetching its history failed.",
    (p: { detail: string }) => ({
      message: `The clone is shallow and deepening it failed (${p.detail}).`,
      remedy:
        "Check out with full history: `actions/checkout` with `fetch-depth: 0`, and a token that can read the repository.",
    }),
    "Check out with `fetch-depth: 0` and a token that can read the repository.",
  ),
  SG_TAG_UNREADABLE: define(
    "A tag was reported to exist but cannot be read back.",
    (p: { tag: string; where: string }) => ({
      message: `The tag ${p.tag} was reported to exist in ${p.where} but cannot be read back.`,
      remedy:
        "Re-run the job; if it persists, check the tag in the repository's tag list and delete it if it is broken.",
    }),
    "Re-run; if it persists, delete the broken tag.",
  ),
  SG_PACKAGE_RELEASES_FAILED: define(
    "`release` in a monorepo: the release of one or more packages stopped part-way; every package was tried, and the others are done.",
    (p: {
      failed: { path: string; tag: string | null; code: string; message: string; remedy: string }[];
      released: string[];
      total: number;
    }) => ({
      message: `The release of ${p.failed.length} of ${p.total} package${p.total === 1 ? "" : "s"} stopped: ${p.failed
        .map(
          (f) => `${f.path}${f.tag === null ? "" : ` (${f.tag})`}: ${f.code}: ${f.message} Fix: ${f.remedy}`,
        )
        .join(
          " ",
        )} ${p.released.length === 0 ? "No package's release is done." : `Done: ${p.released.join(", ")}.`}`,
      remedy:
        "Fix what each failure names, then re-run the job: the re-run finds each package's tag at HEAD, leaves the finished releases as they are and finishes the others.",
    }),
    "Fix what each package's failure names, then re-run: finished releases are kept, the others finished.",
  ),
  SG_UNKNOWN_PACKAGE: define(
    "`--package` names no package of the settings file's `packages`.",
    (p: { package: string; configured: string[] }) => ({
      message:
        p.configured.length === 0
          ? `--package ${JSON.stringify(p.package)} was given, but no packages are configured: this repository has one version.`
          : `--package ${JSON.stringify(p.package)} is not a configured package. The packages are: ${p.configured.join(", ")}.`,
      remedy:
        p.configured.length === 0
          ? "Drop --package, or list the packages under `packages` in the settings file (.github/shipguard.yml)."
          : "Pass one of those paths, as written under `packages` in the settings file (relative to the repository root).",
      input: "package",
      value: p.package,
    }),
    "Pass a path listed under `packages` in the settings file.",
  ),

  // git.
  SG_GIT_NOT_FOUND: define(
    "git is not installed, or not on PATH.",
    (_: Record<string, never>) => ({
      message: "git is not installed or not on PATH.",
      remedy: "Install git (on GitHub-hosted runners it is always present) and run again.",
    }),
    "Install git, or put it on PATH.",
  ),
  SG_WORKING_DIRECTORY_MISSING: define(
    "The working directory does not exist, so git cannot run there.",
    (p: { cwd: string }) => ({
      message: `The folder ${p.cwd} does not exist, so git cannot run there.`,
      remedy: "Check `working-directory` (`--cwd`): it must name an existing folder inside the workspace.",
      input: "working-directory",
      value: p.cwd,
    }),
    "Point `working-directory` (`--cwd`) at an existing folder.",
  ),
  SG_GIT_UNSTARTABLE: define(
    "git could not be started for another reason (permissions, resources).",
    (p: { detail: string }) => ({
      message: `git could not be started: ${p.detail}`,
      remedy: "Check that git runs in this environment.",
    }),
    "Run `git --version` in the same environment and fix what it reports.",
  ),
  SG_GIT_FAILED: define(
    "A git command failed; the message has git's own words.",
    (p: { command: string; stderr: string }) => ({
      message: `git ${p.command} failed: ${p.stderr || "no message"}`,
      remedy: "See git's message above; run the same git command in the repository to investigate.",
    }),
    "Run the same git command in the repository and fix what git reports.",
  ),
};
