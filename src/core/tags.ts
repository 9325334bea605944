/**
 * Version tags: which names git accepts, which names are versions, and where the next version
 * starts from. Strict SemVer only: `v1`, `latest` or `0.640` are tags, not versions.
 */
import semver from "semver";
import { invalidInput } from "../errors.ts";
import { versionProblem } from "./semver-text.ts";
import type { Baseline, VersionTag } from "./types.ts";

export type { Baseline, VersionTag };

const FORBIDDEN = /[\x00-\x20\x7f~^:?*[\\]/;
const RULES =
  'git ref-name rules: no "..", "@{", "//", spaces, control characters or any of ~ ^ : ? * [ \\, no part that starts with "." or ends with ".lock"';
// What a version may contain after the prefix; semver itself would also accept a leading `v`,
// `=` or whitespace, which would let `vv1.2.3` pass as a version of prefix `v`.
const VERSION_TEXT = /^\d[0-9A-Za-z.+-]*$/;

/**
 * Checks a tag prefix (`kind` "prefix": may be empty, may end with `/` or `.` because the version
 * follows) or a whole tag name (`kind` "name") against git check-ref-format, and throws an
 * invalidInput error naming `input` and the value. The kind defaults to "prefix" for the
 * `tag-prefix` input, "name" otherwise.
 */
export function validateRefComponent(
  value: string,
  input: string,
  kind: "prefix" | "name" = input === "tag-prefix" ? "prefix" : "name",
): void {
  const problem = refProblem(value, kind);
  if (problem !== null) {
    const rules = kind === "name" ? `${RULES}, no trailing "/" or "."` : RULES;
    throw invalidInput(input, value, `It ${problem}; a tag name must follow ${rules}.`);
  }
}

function refProblem(value: string, kind: "prefix" | "name"): string | null {
  if (kind === "name" && value === "") return "is empty";
  if (value === "@") return 'is "@" alone';
  const bad = FORBIDDEN.exec(value);
  if (bad !== null) return `contains ${describeChar(bad[0])}`;
  if (value.includes("..")) return 'contains ".."';
  if (value.includes("@{")) return 'contains "@{"';
  if (value.includes("//")) return 'contains "//"';
  if (value.startsWith("/")) return 'starts with "/"';
  if (value.startsWith("-")) return 'starts with "-", which git would read as an option';
  if (kind === "name" && value.endsWith("/")) return 'ends with "/"';
  if (kind === "name" && value.endsWith(".")) return 'ends with "."';
  const parts = value.split("/");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith(".")) return `has a part that starts with "." ("${part}")`;
    // The last part of a prefix continues with the version, so only complete parts can end in .lock.
    const complete = kind === "name" || i < parts.length - 1;
    if (complete && part.endsWith(".lock")) return `has a part that ends with ".lock" ("${part}")`;
  }
  return null;
}

function describeChar(char: string): string {
  if (char === " ") return "a space";
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x7f)
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
  return `"${char}"`;
}

/** The version a tag names under `prefix`, or null when the rest of the name is not strict SemVer. */
export function parseVersionTag(
  name: string,
  prefix: string,
): { version: string; prerelease: boolean } | null {
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  if (!VERSION_TEXT.test(rest)) return null;
  const parsed = semver.parse(rest);
  if (parsed === null) return null;
  return { version: parsed.version, prerelease: parsed.prerelease.length > 0 };
}

/**
 * Reads every tag once: the version tags of the prefix, highest first, and the ones the next
 * version starts from. `reachable` holds the names (or commit shas) of the tags whose commit is HEAD
 * or an ancestor of it; a tag missing from it counts as unreachable.
 */
export function selectBaseline(
  tags: readonly { name: string; sha: string }[],
  reachable: ReadonlySet<string>,
  prefix: string,
  debug: (message: string) => void,
): Baseline {
  const found: { tag: VersionTag; parsed: semver.SemVer }[] = [];
  for (const tag of tags) {
    if (!tag.name.startsWith(prefix)) {
      debug(`Skipping tag ${tag.name}: it does not start with the tag prefix "${prefix}".`);
      continue;
    }
    const version = parseVersionTag(tag.name, prefix);
    const parsed = version === null ? null : semver.parse(version.version);
    if (version === null || parsed === null) {
      debug(
        `Skipping tag ${tag.name}: "${tag.name.slice(prefix.length)}" ${versionProblem(tag.name.slice(prefix.length))}.`,
      );
      continue;
    }
    found.push({
      tag: {
        name: tag.name,
        sha: tag.sha,
        version: version.version,
        prerelease: version.prerelease,
        reachable: reachable.has(tag.name) || reachable.has(tag.sha),
      },
      parsed,
    });
  }
  // Equal versions (`v1.2.3` and `v1.2.3+build`) are ordered by name so that the result never
  // depends on the order git listed them in.
  found.sort(
    (a, b) => b.parsed.compare(a.parsed) || (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0),
  );
  const versions = found.map((f) => f.tag);

  const lastStable = versions.find((t) => t.reachable && !t.prerelease) ?? null;
  const lastAny = versions.find((t) => t.reachable) ?? null;
  const highestExisting = versions[0] ?? null;

  const above = unreachableAboveWarning(versions, lastAny);
  const warnings = above === null ? [] : [above];
  return { versions, lastStable, lastAny, highestExisting, warnings };
}

/**
 * The warning for version tags above the highest reachable one that HEAD does not reach (another
 * branch, or rewritten history), or null when there are none. It says what happens: the next version
 * is computed from the reachable tags and moves past an existing version of its line rather than
 * reuse it, so on a branch that maintains an older line a release can land above a tag whose
 * changes it lacks; `maintenance-branches` turns that into a refusal. steps/maintenance-line.ts
 * drops it on a maintenance branch, where those tags are expected.
 */
export function unreachableAboveWarning(
  versions: readonly VersionTag[],
  lastAny: VersionTag | null,
): string | null {
  const above = versions.filter(
    (t) => !t.reachable && (lastAny === null || semver.gt(t.version, lastAny.version)),
  );
  // Highest first: the lowest one is where another line starts, the one a release would reach first.
  const lowest = above[above.length - 1];
  if (lowest === undefined) return null;
  const names =
    above.length === 1
      ? lowest.name
      : `${lowest.name} (and ${above.length - 1} more up to ${above[0]!.name})`;
  if (lastAny === null) {
    return (
      `Tag ${names} is not reachable from HEAD, and no version tag is: the next version is computed as a first release (initial-version), moved past any existing version it would reach. ` +
      "If those tags belong to this branch's history, check out with full history and tags (`fetch-depth: 0`)."
    );
  }
  return (
    `Tag ${names} is not reachable from HEAD (it is on another branch, or history was rewritten). ` +
    `The next version is computed from the tags HEAD reaches, the highest being ${lastAny.name}; a version that already exists is not reused but passed, ` +
    `so a release here can land above ${lowest.name} without its changes. ` +
    "If this branch maintains an older line (a hotfix or release branch), list it in `maintenance-branches` (such as `hotfix/*, release/*`): there a release that would reach an existing version is refused instead."
  );
}
