/**
 * Every error and refusal shipguard reports, by code: one place for what went wrong, how to fix
 * it, and where the README explains it (`README.md#<anchor>`). Call sites pass the facts; the
 * words live here, so a message is changed once and tests assert codes, not prose.
 */

/** What one occurrence says: the sentence, the fix, and the input at fault when there is one. */
export interface ErrorDetails {
  message: string;
  remedy: string;
  input?: string;
  value?: string;
}

export interface ErrorDefinition<P> {
  /** One line for the README's table of codes. */
  summary: string;
  build(params: P): ErrorDetails;
}

function define<P>(summary: string, build: (params: P) => ErrorDetails): ErrorDefinition<P> {
  return { summary, build };
}

export const ERRORS = {
  SG_INPUT_INVALID: define(
    "An input (or CLI flag) has a value shipguard cannot use; the message names it and what it expects.",
    (p: { input: string; value: string; expected: string }) => ({
      message: `Invalid ${p.input}: ${JSON.stringify(p.value)}. ${p.expected}`,
      remedy: `Set ${p.input} (action input \`${p.input}\`, CLI flag \`--${p.input}\`) to a valid value: ${p.expected}`,
      input: p.input,
      value: p.value,
    }),
  ),
  SG_TOKEN_MISSING: define(
    "A command that writes to GitHub was given no token.",
    (p: { command: string; permissions: string; cli: boolean }) => ({
      message: p.cli
        ? `\`${p.command}\` with --repo works on GitHub, which needs a token, and GITHUB_TOKEN is not set.`
        : `The ${p.command} command writes to GitHub and needs a token; none was given.`,
      remedy: p.cli
        ? `Export GITHUB_TOKEN (a token with ${p.permissions} on the repository), or drop --repo to work locally.`
        : `Leave the \`token\` input at its default (\`\${{ github.token }}\`) or pass one, with ${p.permissions} granted to the job.`,
      input: p.cli ? "repository" : "token",
    }),
  ),
  /** Transitional (issue 10): removed once every call site names its code. */
  SG_UNCODED: define("An error not yet given its own code.", (p: { message: string; remedy: string }) => p),
  SG_INTERNAL: define(
    "Something shipguard did not expect; the message has the stack. Please report it.",
    (p: { detail: string }) => ({
      message: `shipguard failed unexpectedly: ${p.detail}`,
      remedy: "Re-run with --verbose (or ACTIONS_STEP_DEBUG) and open an issue with the log.",
    }),
  ),
} satisfies Record<string, ErrorDefinition<never>>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]["build"]>[0];

/** The README anchor of a code's row: `SG_TAG_MISSING` -> `sg-tag-missing`. */
export function errorAnchor(code: ErrorCode): string {
  return code.toLowerCase().replace(/_/g, "-");
}
