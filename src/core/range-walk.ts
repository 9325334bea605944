/**
 * Finds the commits of `base..head` in git's plain `git log head` stream, which starts at once,
 * instead of `git log head ^base`, which walks the whole range before it prints anything.
 *
 * The stream comes newest first by commit date. While no commit is older than its parent, that
 * order shows every child before its parents, and then a commit's place is known when it arrives:
 * it is outside the range exactly when a child already known to be outside (or the base itself)
 * names it as a parent. The walk ends when no commit of the range is still pending.
 *
 * What is decided this way is never too small: a commit is only left out when it is reachable
 * from the base, and every commit of the range is reached before the walk can end. With clock skew
 * it can be too large (a commit reached before the child that links it to the base). The lowest
 * such commit has only parents outside the range, so it is one of `edges`: the commits of the
 * range with a parent outside it. None of them being an ancestor of the base proves the range
 * exact; the caller asks git (`merge-base --is-ancestor`). The revert
 * rules need children first: a commit that arrives before any child names it is reported at once
 * ("unordered"), and one that arrives before another of its children leaves that child's parent
 * pending for ever, so the walk never ends ("done" stays false when the stream runs out).
 */

export type WalkStep = "in" | "out" | "unordered";

/**
 * A commit named as a parent but not seen yet: whether it is reachable from the base, and (while
 * it is not) the commits of the range that named it, one sha or several.
 */
interface Pending {
  outside: boolean;
  namers: string | string[] | null;
}

/** Every pending commit known to be outside the range shares this entry. */
const OUTSIDE: Pending = Object.freeze({ outside: true, namers: null });

export class RangeWalk {
  /** Commits named as parents but not seen yet, one map for both answers (one lookup a parent). */
  private readonly pending = new Map<string, Pending>();
  private pendingInRange = 1;
  private count = 0;
  private sawBase = false;
  private readonly edgeList: string[] = [];

  constructor(
    head: string,
    private readonly base: string | null,
  ) {
    this.pending.set(head, { outside: false, namers: null });
  }

  /** Commits of the range delivered so far. */
  get inRange(): number {
    return this.count;
  }

  /**
   * Whether a commit of the stream named the base as a parent: it is an ancestor of head. Each
   * child of the base is in the range, so this is known by the time the walk is done.
   */
  get baseSeen(): boolean {
    return this.sawBase;
  }

  /**
   * Commits of the range with a parent outside it (other than the base: its children cannot be its
   * ancestors), and roots. Complete once the walk is done.
   */
  get edges(): readonly string[] {
    return this.edgeList;
  }

  /** No commit of the range is pending: the rest of the stream lies outside it. */
  get done(): boolean {
    return this.pendingInRange === 0;
  }

  step(sha: string, parents: readonly string[]): WalkStep {
    const entry = this.pending.get(sha);
    // Not named by any child seen yet: it came before a child, so the order cannot be trusted.
    if (entry === undefined) return "unordered";
    this.pending.delete(sha);
    if (entry.outside) {
      for (const parent of parents) {
        const known = this.pending.get(parent);
        if (known !== undefined && !known.outside) {
          // Pending in the range until now: whoever named it has a parent outside.
          this.pendingInRange--;
          const namers = known.namers;
          if (typeof namers === "string") this.edgeList.push(namers);
          else if (namers !== null) this.edgeList.push(...namers);
        }
        if (known !== OUTSIDE) this.pending.set(parent, OUTSIDE);
      }
      return "out";
    }
    this.pendingInRange--;
    // A root has no parent to link it to the base: it is checked like a commit at the edge.
    let edge = parents.length === 0 && this.base !== null;
    for (const parent of parents) {
      if (parent === this.base) {
        this.sawBase = true;
        this.pending.set(parent, OUTSIDE);
        continue;
      }
      const known = this.pending.get(parent);
      if (known === undefined) {
        this.pending.set(parent, { outside: false, namers: sha });
        this.pendingInRange++;
      } else if (known.outside) {
        edge = true;
      } else if (known.namers === null) {
        known.namers = sha;
      } else if (typeof known.namers === "string") {
        known.namers = [known.namers, sha];
      } else {
        known.namers.push(sha);
      }
    }
    if (edge) this.edgeList.push(sha);
    this.count++;
    return "in";
  }
}
