/**
 * The one error type that reaches a user. Every failure carries a code from
 * definitions/errors.ts, says what went wrong, names the input and value when one is at fault, and
 * says how to fix it.
 */
import { ERRORS, type ErrorCode, type ErrorParams, errorAnchor } from "./definitions/errors.ts";

export type { ErrorCode } from "./definitions/errors.ts";

export class ShipguardError extends Error {
  readonly code: ErrorCode;
  readonly remedy: string;
  readonly input: string | undefined;
  readonly value: string | undefined;

  constructor(
    code: ErrorCode,
    details: { message: string; remedy: string; input?: string | undefined; value?: string | undefined },
    options: { cause?: unknown } = {},
  ) {
    super(details.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ShipguardError";
    this.code = code;
    this.remedy = details.remedy;
    this.input = details.input;
    this.value = details.value;
  }

  /** The text a user sees: the code and message, the remedy, and where the README explains it. */
  describe(): string {
    return describeProblem(this);
  }
}

/** The error of one code, its words from the definitions. */
export function shipguardError<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  options: { cause?: unknown } = {},
): ShipguardError {
  const build = ERRORS[code].build as (p: ErrorParams<C>) => ReturnType<(typeof ERRORS)[C]["build"]>;
  return new ShipguardError(code, build(params), options);
}

/** An error for one bad input value: names the input, shows the value, says what is expected. */
export function invalidInput(
  input: string,
  value: string,
  expected: string,
  remedy?: string,
): ShipguardError {
  return shipguardError(
    "SG_INPUT_INVALID",
    remedy === undefined ? { input, value, expected } : { input, value, expected, remedy },
  );
}

export function isShipguardError(error: unknown): error is ShipguardError {
  return error instanceof ShipguardError;
}

/** A guard's refusal: not an error but a result (`status: blocked`), worded by the same definitions. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  remedy: string;
}

export function refusal<C extends ErrorCode>(code: C, params: ErrorParams<C>): Refusal {
  const { message, remedy } = shipguardError(code, params);
  return { code, message, remedy };
}

/** How a refusal or a coded failure reads where a step fails: the code, the reason, the fix, the docs. */
export function describeProblem(problem: Refusal): string {
  return `${problem.code}: ${problem.message}\nFix: ${problem.remedy}\nSee: README.md#${errorAnchor(problem.code)}`;
}

/** The text a host fails with for anything thrown: a ShipguardError's own, else SG_INTERNAL with the stack. */
export function describeFailure(error: unknown): string {
  if (isShipguardError(error)) return error.describe();
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return shipguardError("SG_INTERNAL", { detail }).describe();
}
