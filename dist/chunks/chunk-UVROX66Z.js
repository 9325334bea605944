import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/errors.ts
var ShipguardError = class extends Error {
  remedy;
  input;
  value;
  constructor(message, options) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = "ShipguardError";
    this.remedy = options.remedy;
    this.input = options.input;
    this.value = options.value;
  }
  /** The text a user sees: the message, then the remedy on its own line. */
  describe() {
    return `${this.message}
Fix: ${this.remedy}`;
  }
};
function invalidInput(input, value, expected) {
  return new ShipguardError(`Invalid ${input}: ${JSON.stringify(value)}. ${expected}`, {
    remedy: `Set ${input} (action input \`${input}\`, CLI flag \`--${input}\`) to a valid value: ${expected}`,
    input,
    value
  });
}
function isShipguardError(error) {
  return error instanceof ShipguardError;
}

export {
  ShipguardError,
  invalidInput,
  isShipguardError
};
