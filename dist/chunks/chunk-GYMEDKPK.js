import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/smoke/verdict.ts
function combineVerdicts(verdicts) {
  if (verdicts.includes("fail")) return "fail";
  if (verdicts.includes("inconclusive")) return "inconclusive";
  return "pass";
}
function countVerdicts(verdicts) {
  const counts = { pass: 0, fail: 0, inconclusive: 0 };
  for (const verdict of verdicts) counts[verdict] += 1;
  return counts;
}
var MAX_DETAIL_CHARS = 1e3;
function boundText(text, max = MAX_DETAIL_CHARS) {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}... (${text.length - max} more characters)`;
}
function boundList(entries, separator, max = 5) {
  const shown = entries.slice(0, max).join(separator);
  return entries.length > max ? `${shown}${separator}and ${entries.length - max} more` : shown;
}

export {
  combineVerdicts,
  countVerdicts,
  boundText,
  boundList
};
