/**
 * One walk of history for every package of a monorepo. A package's range is `last-tag..HEAD`, its
 * last tag being its highest stable tag reachable from HEAD. The walk reads HEAD and every
 * package's stable tags at once, every child before its parents (`--date-order`), and hands down
 * from children to parents what a commit lies below: whether HEAD reaches it, and per package the
 * highest tag (by rank: stable versions in ascending order) that HEAD reaches and that the commit
 * is or is an ancestor of. A commit's standing is complete when it arrives, and so is the standing
 * of each tag: a tag HEAD does not reach (an abandoned branch, a maintenance line) arrives too, and
 * is known to be out of the running.
 *
 * A commit is in a package's range unless it lies below the package's last tag. It lies below a
 * reachable tag of rank `a`; it is in the range exactly when a higher tag turns out reachable. When
 * one has arrived already, that is known; otherwise the walk takes the tag of rank `a` for the last
 * one and remembers the guess, which the caller checks once every tag's standing is known
 * (`guessedBelow`): a higher tag that arrives later and reachable makes the reading one to redo.
 *
 * Each commit then goes to each package that claims one of its files and whose range holds it: a
 * package's analyzer sees exactly its own commits, in git's order.
 */
import { parseMessage } from "./conventional.ts";
import {
  type ChangedCommit,
  type ClaimRules,
  PackageClaims,
  releaseAsTargets,
  withoutReleaseAs,
} from "./packages.ts";
import type { RawCommit } from "./types.ts";

/** What the walk knows of a commit when it arrives. Shared between commits: never changed. */
export interface Standing {
  /** HEAD reaches it (else it is only on the history of a tag HEAD does not reach). */
  reachable: boolean;
  /** Per package: the rank of the highest tag HEAD reaches that this commit is or lies below; -1: none. */
  below: Int32Array;
}

/** A stable tag of a package, ranked among that package's stable tags (a higher version: a higher rank). */
export interface RankedTag {
  index: number;
  rank: number;
}

/** Hands each commit's standing from children to parents. */
export class TagRanks {
  /** Commits named as a parent and not visited yet, with what their children handed down. */
  private readonly pending = new Map<string, Standing>();
  /** Per package: the highest rank of a reachable tag met so far; -1 before any. */
  private readonly met: Int32Array;
  private readonly none: Standing;
  private readonly unreached: Standing;

  /** `tags`: the ranked stable tags of each commit that carries any; `head`: HEAD's commit. */
  constructor(
    packageCount: number,
    private readonly tags: ReadonlyMap<string, readonly RankedTag[]>,
    private readonly head: string,
  ) {
    this.met = new Int32Array(packageCount).fill(-1);
    const nowhere = new Int32Array(packageCount).fill(-1);
    this.none = { reachable: true, below: nowhere };
    this.unreached = { reachable: false, below: nowhere };
  }

  /** The standing of a commit as it arrives (all of its children arrived before it). */
  visit(sha: string, parents: readonly string[]): Standing {
    let standing = this.pending.get(sha);
    if (standing !== undefined) this.pending.delete(sha);
    // HEAD is reached however its children (tags HEAD does not reach) stand.
    if (sha === this.head)
      standing = standing === undefined ? this.none : { reachable: true, below: standing.below };
    else standing ??= this.unreached;
    const own = this.tags.get(sha);
    if (own !== undefined && standing.reachable) standing = this.withOwn(standing, own);
    for (const parent of parents) {
      const known = this.pending.get(parent);
      this.pending.set(parent, known === undefined ? standing : merged(known, standing));
    }
    return standing;
  }

  /** The highest rank of a reachable tag of the package met so far; -1 before any. */
  highestMet(index: number): number {
    return this.met[index]!;
  }

  /**
   * For a commit not visited (left out of the walk): what the visited commits handed down to it;
   * null when no visited commit names it as a parent.
   */
  handedTo(sha: string): Standing | null {
    return this.pending.get(sha) ?? null;
  }

  private withOwn(standing: Standing, own: readonly RankedTag[]): Standing {
    let below: Int32Array | null = null;
    for (const { index, rank } of own) {
      if (rank > this.met[index]!) this.met[index] = rank;
      if (rank > (below ?? standing.below)[index]!) {
        below ??= Int32Array.from(standing.below);
        below[index] = rank;
      }
    }
    return below === null ? standing : { reachable: true, below };
  }
}

/** What two children hand down to one parent: reached by either, below what either is below. */
function merged(a: Standing, b: Standing): Standing {
  if (a === b) return a;
  const reachable = a.reachable || b.reachable;
  let below: Int32Array | null = null;
  if (a.below !== b.below) {
    for (let i = 0; i < a.below.length; i++) {
      if (b.below[i]! <= a.below[i]!) continue;
      below ??= Int32Array.from(a.below);
      below[i] = b.below[i]!;
    }
  }
  if (below === null) return reachable === a.reachable ? a : { reachable, below: a.below };
  return { reachable, below };
}

export interface RoutedPackage extends ClaimRules {
  /** The name a `Release-As:` scope may use besides the path. */
  component: string;
}

/**
 * Routes each commit of the walk to the packages it belongs to. `deliver` receives the package's
 * index and the commit as that package must read it: a `Release-As:` on a commit that changes no
 * file is kept only for the packages its scope names.
 */
export class PackageRouter {
  private readonly ranks: TagRanks;
  private readonly claims: PackageClaims;
  private readonly tracked: ReadonlySet<number>;
  /** Per package: the lowest rank a commit was left out below on a guess; Infinity: none. */
  private readonly guessed: number[];

  constructor(
    private readonly packages: readonly RoutedPackage[],
    walk: { tags: ReadonlyMap<string, readonly RankedTag[]>; head: string },
    private readonly deliver: (index: number, commit: RawCommit) => void,
    private readonly warn: (message: string) => void,
    /** The packages whose commits are wanted (all by default); the others still claim their files. */
    tracked: readonly number[] = packages.map((_, i) => i),
  ) {
    this.ranks = new TagRanks(packages.length, walk.tags, walk.head);
    this.claims = new PackageClaims(packages);
    this.tracked = new Set(tracked);
    this.guessed = packages.map(() => Number.POSITIVE_INFINITY);
  }

  /** Routes one commit; returns its standing. */
  add(commit: ChangedCommit): Standing {
    const standing = this.ranks.visit(commit.sha, commit.parents);
    if (!standing.reachable) return standing;
    if (commit.files.length === 0 && /release-as:/i.test(commit.message)) {
      this.routeReleaseAs(commit, standing);
      return standing;
    }
    for (const index of this.claims.claim(commit.files)) {
      if (this.tracked.has(index) && this.inRange(index, standing)) this.deliver(index, commit);
    }
    return standing;
  }

  /** See TagRanks.handedTo. */
  handedTo(sha: string): Standing | null {
    return this.ranks.handedTo(sha);
  }

  /** See TagRanks.highestMet. */
  highestMet(index: number): number {
    return this.ranks.highestMet(index);
  }

  /**
   * The lowest rank below which a commit was left out of the package's range on the guess that no
   * higher tag is reachable (Infinity: none). The reading holds when the package's last tag is not
   * higher than that.
   */
  guessedBelow(index: number): number {
    return this.guessed[index]!;
  }

  private inRange(index: number, standing: Standing): boolean {
    const rank = standing.below[index]!;
    if (rank < 0 || this.ranks.highestMet(index) > rank) return true;
    if (rank < this.guessed[index]!) this.guessed[index] = rank;
    return false;
  }

  private routeReleaseAs(commit: ChangedCommit, standing: Standing): void {
    const parsed = parseMessage(commit.message);
    const scope = parsed.header?.scope ?? null;
    const targets = parsed.releaseAs === null ? null : new Set(releaseAsTargets(scope, this.packages));
    if (targets !== null && targets.size === 0) {
      const names = this.packages.map((p) => p.component).join(", ");
      this.warn(
        `Release-As: ${clip(parsed.releaseAs!)} in commit ${commit.sha.slice(0, 7)} changes no file and its scope "${clip(scope!)}" names no package (${names}): it applies to none. Name a package's component or path in the scope, or leave the scope out to apply it to every package.`,
      );
    }
    let stripped: RawCommit | null = null;
    for (let index = 0; index < this.packages.length; index++) {
      if (!this.tracked.has(index) || !this.inRange(index, standing)) continue;
      if (targets === null || targets.has(index)) {
        this.deliver(index, commit);
        continue;
      }
      stripped ??= { sha: commit.sha, parents: commit.parents, message: withoutReleaseAs(commit.message) };
      this.deliver(index, stripped);
    }
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
