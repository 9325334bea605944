/** Maintenance lines: a release on a branch of maintenance-branches that would leave its line. */
import { define } from "../define-error.ts";

type Cause =
  | { kind: "bump"; bump: "major" | "minor" | "patch"; sha: string | null }
  | { kind: "release-as"; value: string; sha: string };

interface LineFacts {
  branch: string;
  /** The entry of maintenance-branches that names the branch. */
  glob: string;
  /** The line, for people: `1.2.x`, `1.x`, `>1.2.4 <1.2.7`. */
  line: string;
  /** The last stable tag reachable from HEAD, or null. */
  base: string | null;
  problem:
    | {
        /** A `N.N.x` or `N.x` branch whose base is not on that line; nearest: the line's newest tag. */
        kind: "off-line";
        nearest: string | null;
      }
    | {
        /** The release would reach the limit: an existing tag (or, tag null, the named line's end). */
        kind: "reaches";
        limit: { version: string; tag: string | null };
        cause: Cause;
        /** The version the cause asks for, as people expect it (1.3.0 for a feat after 1.2.4). */
        target: string;
        /** The next patch of the base when it fits below the limit, for a Release-As remedy. */
        patch: string | null;
      };
}

const short = (sha: string) => sha.slice(0, 7);

function causeText(cause: Cause, target: string, base: string | null): string {
  if (cause.kind === "release-as")
    return `Release-As: ${cause.value} in commit ${short(cause.sha)} asks for ${target}`;
  const who = cause.sha === null ? "The commits call" : `Commit ${short(cause.sha)} calls`;
  return `${who} for a ${cause.bump} release, ${base === null ? "as a first release " : ""}${target}`;
}

function reachesMessage(p: LineFacts, q: Extract<LineFacts["problem"], { kind: "reaches" }>): string {
  const { limit } = q;
  const where =
    limit.tag === null
      ? `below ${limit.version}, the end of the line ${p.line}`
      : `below ${limit.tag}, the next existing tag ${p.base === null ? "" : `above ${p.base} `}(on a branch HEAD does not reach)`;
  const past =
    limit.tag === null
      ? "outside that line"
      : q.target === limit.version
        ? `which ${limit.tag} already is`
        : `at or past ${limit.tag}`;
  return (
    `${p.branch} is a maintenance branch (maintenance-branches: ${p.glob}), so its releases stay on the line ${p.line}, ${where}. ` +
    `${causeText(q.cause, q.target, p.base)}, ${past}: refused rather than released as a higher version.`
  );
}

function reachesRemedy(q: Extract<LineFacts["problem"], { kind: "reaches" }>): string {
  if (q.patch !== null) {
    return (
      `Release this change from the main line instead (merge or cherry-pick it there). If it may ship as a patch of this line, ask for one in a newer commit: ` +
      `\`git commit --allow-empty -m "chore: release ${q.patch}" -m "Release-As: ${q.patch}"\`.`
    );
  }
  if (q.limit.tag !== null) {
    return `Merge ${q.limit.tag} into this branch (\`git merge ${q.limit.tag}\`), so the line continues from it, then release again; or release this change from the main line.`;
  }
  return "Release this change from the main line instead (merge or cherry-pick it there).";
}

export const MAINTENANCE_ERRORS = {
  SG_MAINTENANCE_LINE: define(
    "On a branch of maintenance-branches, the release would leave the line of its last tag: reach an existing tag above it, or the end of a `N.N.x` / `N.x` line.",
    (p: LineFacts) => {
      const q = p.problem;
      if (q.kind === "off-line") {
        const last =
          p.base === null
            ? "no stable version tag is reachable from HEAD"
            : `its last stable tag reachable from HEAD is ${p.base}, which is not on that line`;
        return {
          message: `${p.branch} is a maintenance branch (maintenance-branches: ${p.glob}) of the line ${p.line}, but ${last}: a release here would not continue ${p.line}.`,
          remedy:
            q.nearest === null
              ? `No tag of ${p.line} exists yet: release the line's first version from the main line, then start ${p.branch} from its tag.`
              : `Base the branch on ${q.nearest}, the newest tag of ${p.line}: merge it in when the branch is older (\`git merge ${q.nearest}\`), or recreate the branch from it when it holds newer releases (\`git switch -C ${p.branch} ${q.nearest}\`, then cherry-pick its fixes).`,
        };
      }
      return { message: reachesMessage(p, q), remedy: reachesRemedy(q) };
    },
    "Release the change from the main line, ask for a patch of the line with a `Release-As:` footer, or merge the tag that ends the line into the branch; the message names the tag.",
  ),
};
