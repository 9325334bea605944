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

/** The ShipguardError a function throws; the test fails when it returns or throws something else. */
export function thrown(run: () => unknown): ShipguardError {
  let error: unknown = null;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ShipguardError);
  return error as ShipguardError;
}
