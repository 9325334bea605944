/**
 * Which bump a change calls for: the field's defaults (breaking = major, feat = minor, fix and
 * perf = patch, everything else none), overridden by the `release-rules` input.
 */
import { invalidInput } from "../errors.ts";
import type { Bump, ConventionalChange, ReleaseRule } from "./types.ts";

const DEFAULT_RULES: readonly ReleaseRule[] = [
  { type: "feat", scope: null, bump: "minor" },
  { type: "fix", scope: null, bump: "patch" },
  { type: "perf", scope: null, bump: "patch" },
];

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const RULE = /^([A-Za-z][A-Za-z0-9_-]*|\*)\s*(?:\(([^()]*)\))?\s*=\s*([^\s=]+)$/;
const SHAPE =
  "type=bump or type(scope)=bump, with bump one of major, minor, patch or none (for example `docs(readme)=patch`, `refactor=minor`, `chore=none`), or `*=bump` for every type no other rule names";

export function defaultRules(): ReleaseRule[] {
  return DEFAULT_RULES.map((rule) => ({ ...rule }));
}

/**
 * Reads the `release-rules` input: entries separated by newlines or commas, `#` starts a comment.
 * Throws an invalidInput error naming the entry and its line.
 */
/**
 * The entries of a list input: separated by newlines or commas, `#` starts a comment, blanks
 * skipped; each with its 1-based line for error messages.
 */
export function listEntries(text: string): { entry: string; line: number }[] {
  const out: { entry: string; line: number }[] = [];
  text.split(/\r\n?|\n/).forEach((raw, i) => {
    const hash = raw.indexOf("#");
    for (const part of (hash === -1 ? raw : raw.slice(0, hash)).split(",")) {
      const entry = part.trim();
      if (entry !== "") out.push({ entry, line: i + 1 });
    }
  });
  return out;
}

/** `input` names the setting in errors: `release-rules`, or a package's (`packages."api".release-rules`). */
export function parseReleaseRules(text: string, input = "release-rules"): ReleaseRule[] {
  return listEntries(text).map(({ entry, line }) => parseRule(entry, line, input));
}

function parseRule(entry: string, line: number, input: string): ReleaseRule {
  const match = RULE.exec(entry);
  if (match === null) throw invalidInput(input, entry, `On line ${line}, expected ${SHAPE}.`);
  const bump = match[3]!.toLowerCase();
  if (!isBump(bump)) {
    throw invalidInput(
      input,
      entry,
      `On line ${line}, "${match[3]}" is not a bump: use major, minor, patch or none, as in ${SHAPE}.`,
    );
  }
  const scope = match[2] === undefined ? null : match[2].trim().toLowerCase();
  if (match[1] === "*" && scope !== null)
    throw invalidInput(input, entry, `On line ${line}, \`*\` takes no scope: expected ${SHAPE}.`);
  if (scope === "")
    throw invalidInput(input, entry, `On line ${line}, the scope is empty: expected ${SHAPE}.`);
  return { type: match[1]!.toLowerCase(), scope, bump };
}

function isBump(value: string): value is Bump {
  return value === "major" || value === "minor" || value === "patch" || value === "none";
}

/**
 * The bump a rule sets for a type and scope, or null when no rule speaks of the type. `rules` are
 * the user's (from release-rules); the defaults apply behind them, and a user's `*` rule behind
 * those (`*=patch`: every type releases at least a patch, as release-please does, while `feat`
 * stays a minor). A scope rule beats a type rule; among the user's rules for the same key, the
 * last one wins.
 */
export function ruleFor(type: string, scope: string | null, rules: readonly ReleaseRule[]): Bump | null {
  let typeOnly: Bump | null = null;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (rule.type !== type) continue;
    if (rule.scope === null) typeOnly ??= rule.bump;
    else if (rule.scope === scope) return rule.bump;
  }
  if (typeOnly !== null) return typeOnly;
  for (const rule of DEFAULT_RULES) {
    if (rule.type === type) return rule.bump;
  }
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i]!.type === "*") return rules[i]!.bump;
  }
  return null;
}

/**
 * What one change bumps. A breaking change is always major here: the pre-1.0 exception belongs to
 * the version decision, which knows the previous version.
 */
export function bumpFor(change: ConventionalChange, rules: readonly ReleaseRule[]): Bump {
  if (change.breaking) return "major";
  return ruleFor(change.type, change.scope, rules) ?? "none";
}

export function maxBump(a: Bump, b: Bump): Bump {
  return RANK[b] > RANK[a] ? b : a;
}

/** Orders bumps: none < patch < minor < major. */
export function bumpRank(bump: Bump): number {
  return RANK[bump];
}
