/** What the settings readers say about a rollback's inputs (issue 11): a rollback needs a reason. */
import { describe, expect, it } from "vitest";
import { isShipguardError, type ShipguardError } from "../../src/errors.ts";
import { readRollbackSettings } from "../../src/settings.ts";

function source(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name];
}

const rollback = { environment: "production", "deploy-command": "true", reason: "checkout errors" };

function thrown(run: () => unknown): ShipguardError {
  try {
    run();
  } catch (error) {
    if (isShipguardError(error)) return error;
    throw error;
  }
  throw new Error("expected a ShipguardError");
}

describe("rollback needs a reason", () => {
  it.each([
    ["absent", {}],
    ["empty", { reason: "" }],
    ["blank", { reason: "   " }],
  ])("refuses a reason %s, naming `reason` with a remedy", (_name, extra) => {
    const error = thrown(() => readRollbackSettings(source({ ...rollback, reason: "", ...extra })));
    expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "reason", value: "" });
    expect(error.message).toBe(
      'Invalid reason: "". A rollback needs a reason: it goes into the deployment record and the incident report.',
    );
    expect(error.remedy).toContain("--reason");
    expect(error.remedy).toContain("`reason` input");
  });

  it("keeps the reason given", () => {
    expect(readRollbackSettings(source(rollback)).reason).toBe("checkout errors");
  });
});
