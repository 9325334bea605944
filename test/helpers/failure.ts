/** The ShipguardError a promise rejects with; the test fails when it resolves or rejects otherwise. */
import { expect } from "vitest";
import { ShipguardError } from "../../src/errors.ts";

export async function failure(promise: Promise<unknown>): Promise<ShipguardError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShipguardError);
  return error as ShipguardError;
}
