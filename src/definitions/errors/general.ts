/** Inputs, the command line, and what no one expected. */
import { OPTIONS } from "../../settings/options.ts";
import { define } from "../define-error.ts";

/**
 * Where a setting is given: the action input, the CLI flag, or both, as the option exists (an
 * action-only option such as `command` has no flag to name; a name outside OPTIONS is shown bare).
 */
export function whereToSet(input: string): string {
  const spec = OPTIONS.find((o) => o.name === input);
  if (spec === undefined) return `\`${input}\``;
  if (spec.actionOnly) return `the action input \`${input}\``;
  if (spec.cliOnly) return `the CLI flag \`--${input}\``;
  return `the action input \`${input}\` (CLI flag \`--${input}\`)`;
}

export const GENERAL_ERRORS = {
  SG_INPUT_INVALID: define(
    "An input (or CLI flag) has a value shipguard cannot use; the message names it and what it expects.",
    (p: { input: string; value: string; expected: string; remedy?: string }) => ({
      message: `Invalid ${p.input}: ${JSON.stringify(p.value)}. ${p.expected}`,
      remedy: p.remedy ?? `Correct ${whereToSet(p.input)} as the message says.`,
      input: p.input,
      value: p.value,
    }),
    "Give the input a value of the kind the message names.",
  ),
  SG_INPUTS_CONFLICT: define(
    "Two inputs that exclude each other were both given.",
    (p: { first: string; firstValue: string; second: string; secondValue: string }) => ({
      message: `Set exactly one of \`${p.first}\` and \`${p.second}\`; both were given (${p.first} ${JSON.stringify(p.firstValue)}, ${p.second} ${JSON.stringify(p.secondValue)}).`,
      remedy: `Keep one and remove the other: ${whereToSet(p.first)} or ${whereToSet(p.second)}.`,
      input: p.second,
      value: p.secondValue,
    }),
    "Keep one of the two inputs the message names and remove the other.",
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
    "Keep the `token` input at its default, or export GITHUB_TOKEN for the CLI.",
  ),
  /* ------------------------------------------------ the command line ------------------------ */
  SG_UNKNOWN_COMMAND: define(
    "The CLI was given a command it does not have.",
    (p: { command: string; known: string }) => ({
      message: `Unknown command ${JSON.stringify(p.command)}.`,
      remedy: `Use one of: ${p.known}. Run \`shipguard --help\` for more.`,
    }),
    "Run `shipguard --help` for the commands.",
  ),
  SG_UNKNOWN_FLAG: define(
    "The CLI was given a flag the command does not take.",
    (p: { flag: string; command: string | null }) => ({
      message: `Unknown flag --${p.flag}${p.command ? ` for \`${p.command}\`` : ""}.`,
      remedy: `Run \`shipguard ${p.command === null ? "" : `${p.command} `}--help\` for the flags it takes.`,
    }),
    "Run `shipguard <command> --help` for the flags it takes.",
  ),
  SG_FLAG_VALUE_MISSING: define(
    "A CLI flag that takes a value was given none.",
    (p: { flag: string }) => ({
      message: `Flag --${p.flag} needs a value.`,
      remedy: `Write --${p.flag} <value> or --${p.flag}=<value>.`,
    }),
    "Write `--name value` or `--name=value`.",
  ),
  SG_UNEXPECTED_ARGUMENT: define(
    "The CLI was given a word that is neither a command nor a flag.",
    (p: { argument: string }) => ({
      message: `Unexpected argument ${JSON.stringify(p.argument)}.`,
      remedy: "Flags take the form --name value. Run `shipguard --help`.",
    }),
    "Give every value after its flag: `--name value`.",
  ),

  SG_INTERNAL: define(
    "Something shipguard did not expect; the message has the stack. Please report it.",
    (p: { detail: string }) => ({
      message: `shipguard failed unexpectedly: ${p.detail}`,
      remedy: "Re-run with --verbose (or ACTIONS_STEP_DEBUG) and open an issue with the log.",
    }),
    "Re-run with --verbose and open an issue with the log.",
  ),
};
