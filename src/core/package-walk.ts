/**
 * One walk of history for every package of a monorepo. Each package's range is `last-tag..HEAD`:
 * a commit is in it unless it is that tag's commit or one of its ancestors. The walk carries, for
 * every commit, the set of last tags it is an ancestor of (a bit per package), handed from children
 * to parents; git delivers every child before its parents (`--date-order`), so a commit's set is
 * complete when it arrives. The commit then goes to each package that claims one of its files and
 * whose range holds it: a package's analyzer sees exactly its own commits, in git's order.
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

/** The bit of package `index` in a set of last tags. */
export function packageBit(index: number): bigint {
  return 1n << BigInt(index);
}

/** Hands the sets of last tags from children to parents. */
export class AncestorSets {
  /** Commits named as a parent and not visited yet, with what their children handed down. */
  private readonly pending = new Map<string, bigint>();

  /** `tags`: for each commit that is a package's last tag, that package's bit (or several). */
  constructor(private readonly tags: ReadonlyMap<string, bigint>) {}

  /** The set of a commit as it arrives (all of its children arrived before it). */
  visit(sha: string, parents: readonly string[]): bigint {
    let set = this.pending.get(sha);
    if (set === undefined) set = 0n;
    else this.pending.delete(sha);
    const own = this.tags.get(sha);
    if (own !== undefined) set |= own;
    for (const parent of parents) {
      const known = this.pending.get(parent);
      this.pending.set(parent, known === undefined || known === set ? set : known | set);
    }
    return set;
  }

  /**
   * For a commit not visited (left out of the walk): what the visited commits handed down to it,
   * and its own; null when no visited commit names it as a parent.
   */
  handedTo(sha: string): bigint | null {
    const handed = this.pending.get(sha);
    return handed === undefined ? null : handed | (this.tags.get(sha) ?? 0n);
  }
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
  private readonly sets: AncestorSets;
  private readonly claims: PackageClaims;
  private readonly bits: bigint[];
  /** Every tracked package's bit: a commit below all of their last tags goes nowhere. */
  private readonly full: bigint;
  private readonly tracked: ReadonlySet<number>;

  constructor(
    private readonly packages: readonly RoutedPackage[],
    lastTags: ReadonlyMap<string, bigint>,
    private readonly deliver: (index: number, commit: RawCommit) => void,
    private readonly warn: (message: string) => void,
    /** The packages whose commits are wanted (all by default); the others still claim their files. */
    tracked: readonly number[] = packages.map((_, i) => i),
  ) {
    this.sets = new AncestorSets(lastTags);
    this.claims = new PackageClaims(packages);
    this.bits = packages.map((_, i) => packageBit(i));
    this.full = tracked.reduce((a, i) => a | packageBit(i), 0n);
    this.tracked = new Set(tracked);
  }

  /** Routes one commit; returns its set of last tags (bit i: not in package i's range). */
  add(commit: ChangedCommit): bigint {
    const set = this.sets.visit(commit.sha, commit.parents);
    if ((set & this.full) === this.full) return set;
    const empty = commit.files.length === 0;
    if (empty && /release-as:/i.test(commit.message)) {
      this.routeReleaseAs(commit, set);
      return set;
    }
    for (const index of this.claims.claim(commit.files)) {
      if ((set === 0n || (set & this.bits[index]!) === 0n) && this.tracked.has(index))
        this.deliver(index, commit);
    }
    return set;
  }

  /** See AncestorSets.handedTo. */
  handedTo(sha: string): bigint | null {
    return this.sets.handedTo(sha);
  }

  private routeReleaseAs(commit: ChangedCommit, set: bigint): void {
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
      if ((set & this.bits[index]!) !== 0n || !this.tracked.has(index)) continue;
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
