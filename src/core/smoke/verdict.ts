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

/** Details, causes and list entries are cut to this many characters in every report. */
export const MAX_DETAIL_CHARS = 1000;

/** Cuts a text to `max` characters, saying how much was left out: no message grows with its input. */
export function boundText(text: string, max = MAX_DETAIL_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}... (${text.length - max} more characters)`;
}

/** Joins the first `max` entries and counts the rest, so a list of 20,000 checks stays one short line. */
export function boundList(entries: readonly string[], separator: string, max = 5): string {
  const shown = entries.slice(0, max).join(separator);
  return entries.length > max ? `${shown}${separator}and ${entries.length - max} more` : shown;
}
