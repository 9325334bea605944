/**
 * Reads the release facts of a real monorepo (test/fixtures/replay/*.txt, format in the README
 * there): the release-please options that decide versions, and per package its releases, each
 * with the commits its changelog lists.
 */

export interface ListedCommit {
  /** The first 7 characters of the commit's SHA: one commit, whichever package lists it. */
  sha: string;
  type: string;
  breaking: boolean;
  /** The commit asked for the version of the release that lists it (`Release-As`). */
  releaseAs: boolean;
}

export interface ReleaseFact {
  path: string;
  version: string;
  /** `YYYY-MM-DD`, or null when the changelog gives no date. */
  date: string | null;
  commits: ListedCommit[];
  /** The section lists workspace dependency updates (node-workspace plugin). */
  deps: boolean;
  /** The version the section's comparison link starts from, when it is not the previous one listed. */
  from: string | null;
  /** Where the release is written, for messages. */
  line: number;
}

export interface PackageFacts {
  path: string;
  tagPrefix: string;
  excludePaths: string[];
  /** Oldest first, as written. */
  releases: ReleaseFact[];
}

export interface ProjectOptions {
  bumpMinorPreMajor: boolean;
  bumpPatchForMinorPreMajor: boolean;
}

export interface ProjectFacts {
  name: string;
  source: string;
  options: ProjectOptions;
  packages: PackageFacts[];
}

const VERSION = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMIT = /^([a-z]+)(!?):([0-9a-f]{7})(\/as)?$/;
const OPTIONS: Record<string, keyof ProjectOptions> = {
  "bump-minor-pre-major": "bumpMinorPreMajor",
  "bump-patch-for-minor-pre-major": "bumpPatchForMinorPreMajor",
};

export function parseFacts(text: string, file = "facts"): ProjectFacts {
  const project: ProjectFacts = {
    name: "",
    source: "",
    options: { bumpMinorPreMajor: false, bumpPatchForMinorPreMajor: false },
    packages: [],
  };
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const words = line.split(/\s+/);
    const where = `${file}:${index + 1}`;
    readLine(project, words, where, index + 1);
  });
  if (project.name === "") throw new Error(`${file}: no \`project\` line`);
  return project;
}

function readLine(project: ProjectFacts, words: string[], where: string, line: number): void {
  const [head = "", ...rest] = words;
  if (head === "project" || head === "source") {
    if (rest.length !== 1) throw new Error(`${where}: \`${head}\` takes one word`);
    project[head === "project" ? "name" : "source"] = rest[0]!;
  } else if (head === "option") {
    const key = OPTIONS[rest[0] ?? ""];
    if (key === undefined || rest.length !== 2 || !/^(true|false)$/.test(rest[1]!)) {
      throw new Error(`${where}: expected \`option <${Object.keys(OPTIONS).join("|")}> <true|false>\``);
    }
    project.options[key] = rest[1] === "true";
  } else if (head === "package") {
    project.packages.push(readPackage(rest, where));
  } else if (VERSION.test(head)) {
    const pkg = project.packages.at(-1);
    if (pkg === undefined) throw new Error(`${where}: a release before any \`package\` line`);
    pkg.releases.push(readRelease(pkg.path, words, where, line));
  } else {
    throw new Error(`${where}: cannot read "${words.join(" ")}"`);
  }
}

function readPackage(words: string[], where: string): PackageFacts {
  const [path, tagPrefix, ...options] = words;
  if (path === undefined || tagPrefix === undefined) {
    throw new Error(`${where}: expected \`package <path> <tag prefix> [exclude=<glob>,...]\``);
  }
  let excludePaths: string[] = [];
  for (const option of options) {
    if (!option.startsWith("exclude=")) throw new Error(`${where}: unknown package option "${option}"`);
    excludePaths = option.slice("exclude=".length).split(",").filter(Boolean);
  }
  return { path, tagPrefix, excludePaths, releases: [] };
}

function readRelease(path: string, words: string[], where: string, line: number): ReleaseFact {
  const [version = "", date = "", ...items] = words;
  if (date !== "-" && !DATE.test(date)) throw new Error(`${where}: "${date}" is not a date or -`);
  const release: ReleaseFact = {
    path,
    version,
    date: date === "-" ? null : date,
    commits: [],
    deps: false,
    from: null,
    line,
  };
  for (const item of items) {
    const commit = COMMIT.exec(item);
    if (commit !== null) {
      release.commits.push({
        type: commit[1]!,
        breaking: commit[2] === "!",
        sha: commit[3]!,
        releaseAs: commit[4] !== undefined,
      });
    } else if (item === "+deps") {
      release.deps = true;
    } else if (item.startsWith("from=") && VERSION.test(item.slice(5))) {
      release.from = item.slice(5);
    } else {
      throw new Error(`${where}: cannot read "${item}" (expected type:sha, type!:sha, +deps or from=x.y.z)`);
    }
  }
  return release;
}
