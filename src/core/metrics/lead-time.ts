/**
 * Lead time for changes. Let V be the version of a successful deploy in an environment and U the
 * version whose successful deployment (deploy or rollback) was the last one there before it: each
 * commit in U..V has one lead time, from its committer date to the moment V's deploy reached
 * `success`, counted once, at its first successful deploy there. The first successful version of
 * an environment is the baseline: its commits are not counted.
 *
 * Deploying a commit deploys its history, so a commit was deployed before V exactly when an
 * earlier successful deployment's commit reaches it: V's new commits are V's history without the
 * history of U and of every earlier successful deployment (the baseline's too). That is the one
 * git read each deploy asks for (`to`, `exclude`); git answers, this module counts.
 */

import type { JudgedDeployment } from "./outcomes.ts";
import { inWindow, type Window } from "./window.ts";

/** A commit with its committer date (seconds since the epoch), as the Git port lists it. */
export interface DatedCommit {
  sha: string;
  committedAt: number;
}

/** One deploy whose commits need reading: its commit, U's, and every earlier successful one. */
export interface LeadTimeRange {
  /** The deploy (V's deployment). */
  id: string;
  key: string;
  to: string;
  /** U's commit. */
  from: string;
  /** U's commit first, then every other commit successfully deployed there before V. */
  exclude: string[];
  /** When V's deploy reached success (ms). */
  successAt: number;
}

/** The ranges to read: the successful deploys in the window that have a U, oldest first. */
export function leadTimeRanges(judged: readonly JudgedDeployment[], window: Window): LeadTimeRange[] {
  const ranges: LeadTimeRange[] = [];
  const earlier = new Map<string, string[]>();
  for (const d of judged) {
    if (!d.successful || d.successAt === null) continue;
    const before = earlier.get(d.key) ?? [];
    const from = before.at(-1);
    if (d.kind === "deploy" && from !== undefined && inWindow(d.createdAt, window)) {
      const exclude = [from, ...new Set(before.filter((sha) => sha !== from))];
      ranges.push({ id: d.id, key: d.key, to: d.sha, from, exclude, successAt: d.successAt });
    }
    earlier.set(d.key, [...before.filter((sha) => sha !== d.sha), d.sha]);
  }
  return ranges;
}

/** What git said about one range: its commits, or that V's or U's commit is not in the history. */
export type RangeReading = { commits: DatedCommit[] } | { missing: true };

export interface DeployLeadTimes {
  /** The lead time of each commit counted at this deploy, in whole seconds. */
  seconds: number[];
  /** Commits this deploy brought that the local history does not have. */
  missing: number;
}

/**
 * The lead times each deploy counts. A range git cannot read (V's or U's commit is not in the
 * local history) counts V's commit as one missing commit, once: the others are unknown, never
 * guessed. A commit is counted once per environment, whatever reads list it again.
 */
export function leadTimesOf(
  ranges: readonly LeadTimeRange[],
  readings: ReadonlyMap<string, RangeReading>,
): Map<string, DeployLeadTimes> {
  const out = new Map<string, DeployLeadTimes>();
  const counted = new Set<string>();
  for (const range of ranges) {
    const reading = readings.get(range.id);
    const entry: DeployLeadTimes = { seconds: [], missing: 0 };
    out.set(range.id, entry);
    if (reading === undefined) continue;
    if ("missing" in reading) {
      const key = `${range.key}\n${range.to}`;
      if (!counted.has(key)) entry.missing++;
      counted.add(key);
      continue;
    }
    for (const commit of reading.commits) {
      const key = `${range.key}\n${commit.sha}`;
      if (counted.has(key)) continue;
      counted.add(key);
      entry.seconds.push(Math.round((range.successAt - commit.committedAt * 1000) / 1000));
    }
  }
  return out;
}
