import type { Verdict } from "./types.ts";

/**
 * The suite's verdict: one failed check fails it (a rollback is warranted); otherwise one check that
 * could not tell makes it inconclusive (nothing proves the deploy good); otherwise it passed.
 */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("fail")) return "fail";
  if (verdicts.includes("inconclusive")) return "inconclusive";
  return "pass";
}

export function countVerdicts(verdicts: readonly Verdict[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { pass: 0, fail: 0, inconclusive: 0 };
  for (const verdict of verdicts) counts[verdict] += 1;
  return counts;
}
