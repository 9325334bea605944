/**
 * The one error type that reaches a user. Every failure shipguard reports says what went wrong,
 * names the input and value when one is at fault, and says how to fix it.
 */
export class ShipguardError extends Error {
  readonly remedy: string;
  readonly input: string | undefined;
  readonly value: string | undefined;

  constructor(message: string, options: { remedy: string; input?: string; value?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ShipguardError";
    this.remedy = options.remedy;
    this.input = options.input;
    this.value = options.value;
  }

  /** The text a user sees: the message, then the remedy on its own line. */
  describe(): string {
    return `${this.message}\nFix: ${this.remedy}`;
  }
}

/** An error for one bad input value: names the input, shows the value, says what is expected. */
export function invalidInput(input: string, value: string, expected: string): ShipguardError {
  return new ShipguardError(`Invalid ${input}: ${JSON.stringify(value)}. ${expected}`, {
    remedy: `Set ${input} (action input \`${input}\`, CLI flag \`--${input}\`) to a valid value: ${expected}`,
    input,
    value,
  });
}

export function isShipguardError(error: unknown): error is ShipguardError {
  return error instanceof ShipguardError;
}
