/**
 * Why a version string is refused, in words a user can act on. A version whose numbers pass
 * 2^53 - 1 is SemVer (the spec sets no limit), only too large to count with: it is not called
 * "not a SemVer version".
 */
const NUMBERS = /^(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$/;

export function versionProblem(text: string): string {
  const m = NUMBERS.exec(text);
  if (m !== null && [m[1], m[2], m[3]].some((n) => Number(n) > Number.MAX_SAFE_INTEGER)) {
    return `is too large: MAJOR, MINOR and PATCH may be at most ${Number.MAX_SAFE_INTEGER} each`;
  }
  return "is not a SemVer version (x.y.z)";
}
