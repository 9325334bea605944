/** The smoke checks (`checks` / `checks-file`) and the variables they use. */
import { define, type ErrorDetails } from "../define-error.ts";

/** Where a problem in the smoke checks sits: `checks.yml: line 7: check "health"`. */
interface ChecksPlace {
  source: string;
  /** 0 when the problem has no line of its own. */
  line: number;
  /** `settings`, `the checks` or `check "health"`. */
  owner: string;
}

function at(p: ChecksPlace): string {
  return `${p.source}: ${p.line > 0 ? `line ${p.line}: ` : ""}${p.owner}`;
}
/** The ways the checks text fails as YAML, before any key is looked at. */
type YamlProblem = { reason: "syntax"; detail: string } | { reason: "aliases" } | { reason: "key" };

function yamlProblem(p: YamlProblem & { source: string; line: number }): ErrorDetails {
  switch (p.reason) {
    case "syntax":
      return {
        message: `${p.source}: line ${p.line}: the checks are not valid YAML: ${p.detail}`,
        remedy: "Fix the YAML syntax at that line (indentation, quotes, a `:` after each key).",
      };
    case "aliases":
      return {
        message: `${p.source}: too many YAML aliases`,
        remedy: "Write the checks out instead of repeating them through more than 100 aliases.",
      };
    case "key":
      return {
        message: `${p.source}: line ${p.line}: a key must be plain text`,
        remedy: "Use plain words as keys, such as `name:` or `http:`.",
      };
  }
}

export const CHECKS_ERRORS = {
  // Smoke checks (`checks` / `checks-file`).
  SG_CHECKS_YAML: define(
    "The smoke checks are not valid YAML (or repeat themselves through too many aliases).",
    (p: YamlProblem & { source: string; line: number }) => ({ ...yamlProblem(p), input: p.source }),
    "Fix the YAML at the line the message names.",
  ),
  SG_CHECKS_INVALID: define(
    "A smoke check or `settings:` value breaks a rule; the message names the source, line, check and key.",
    (p: ChecksPlace & { key?: string; problem: string; fix: string }) => ({
      message: `${at(p)}: ${p.key === undefined ? "" : `\`${p.key}\` `}${p.problem}`,
      remedy: p.fix,
      input: p.source,
    }),
    "Change the value at the line the message names, as its fix says.",
  ),
  SG_CHECKS_UNKNOWN_KEY: define(
    "A smoke check (or `settings:`) has a key shipguard does not know, often a typo.",
    (
      p: ChecksPlace & { key: string; allowed: readonly string[]; of: string; suggestion: string | null },
    ) => ({
      message: `${at(p)}: unknown key \`${p.key}\``,
      remedy: `Remove \`${p.key}\` or use one of the keys of ${p.of}: ${p.allowed.join(", ")}.${p.suggestion === null ? "" : ` Did you mean \`${p.suggestion}\`?`}`,
      input: p.source,
    }),
    "Correct the key (the message suggests the closest known one) or remove it.",
  ),
  SG_CHECKS_VARIABLE_UNSET: define(
    "A smoke check uses `${NAME}`, and the step's environment has no such variable.",
    (p: { source: string; check: string; variable: string }) => ({
      message: `${p.source}: check ${JSON.stringify(p.check)} uses \${${p.variable}}, which is not set`,
      remedy: `Provide ${p.variable} to the step (shipguard passes SHIPGUARD_VERSION, SHIPGUARD_TAG, SHIPGUARD_SHA, SHIPGUARD_ENVIRONMENT), or write $\${${p.variable}} for the literal text.`,
      input: p.source,
      value: p.variable,
    }),
    "Pass the variable to the step (`env:`), or write `$${` for a literal `${`.",
  ),
  SG_SMOKE_VERSION_UNKNOWN: define(
    "`smoke` was given no `version`, the checks use `${SHIPGUARD_VERSION}`, and no deployed version could be found.",
    (p: { environment: string | null; ledger: string | null }) => ({
      message:
        p.environment === null
          ? "The checks use ${SHIPGUARD_VERSION}, but `smoke` has no `version` and no `environment` to read the deployed version from"
          : `The checks use \${SHIPGUARD_VERSION}, but \`smoke\` has no \`version\` and ${p.ledger ?? "the ledger"} records no deployment to \`environment\` ${JSON.stringify(p.environment)}`,
      remedy:
        p.environment === null
          ? "Set `version` (the version the checks expect), or `environment` to use the version last deployed there."
          : `Set \`version\`, or deploy to ${JSON.stringify(p.environment)} first (is \`environment\` spelled as when deploying, and is it the same ledger?).`,
      input: "version",
    }),
    "Set `version`, or name the `environment` whose deployed version the checks should expect.",
  ),
};
