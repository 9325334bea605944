import { describe, expect, it } from "vitest";
import { isShipguardError } from "../../src/errors.ts";
import { readDeploySettings } from "../../src/settings.ts";

const base = { environment: "production", version: "1.2.0", "deploy-command": "./deploy.sh" };
const read = (values: Record<string, string>) =>
  readDeploySettings((name) => ({ ...base, ...values })[name as keyof typeof base]);

function refusal(values: Record<string, string>): { message: string; remedy: string } {
  try {
    read(values);
  } catch (error) {
    if (isShipguardError(error)) {
      expect(error.code).toBe("SG_INPUT_INVALID");
      return { message: error.message, remedy: error.remedy };
    }
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("promotion settings", () => {
  it("defaults to no gate, no force, no steps", () => {
    expect(read({}).promotion).toEqual({ requireVerifiedIn: [], force: null, trafficSteps: null });
  });

  it("reads the gate's environments, the override with its reason, and the steps", () => {
    const p = read({
      "require-verified-in": "staging, qa\nstaging",
      force: "true",
      reason: "hotfix while staging is down",
      "traffic-steps": "10, 50%, 100",
    }).promotion;
    expect(p).toEqual({
      requireVerifiedIn: ["staging", "qa"],
      force: { reason: "hotfix while staging is down" },
      trafficSteps: [10, 50, 100],
    });
    expect(read({ "traffic-steps": "100" }).promotion.trafficSteps).toEqual([100]);
  });

  it("refuses force without a reason, and a gate naming the target environment", () => {
    expect(refusal({ force: "true" }).message).toContain("A forced deploy needs a reason");
    const self = refusal({ "require-verified-in": "staging, production" });
    expect(self.message).toContain("It names production, the environment being deployed to");
    expect(refusal({ "require-verified-in": "stag\\ing" }).message).toContain("environment");
    // `/` is allowed in environment names, as on GitHub.
    expect(read({ "require-verified-in": "staging/eu" }).promotion.requireVerifiedIn).toEqual(["staging/eu"]);
  });

  it("reads environment names without case, as GitHub does (issue 18, item 11)", () => {
    expect(read({ "require-verified-in": "Staging, staging, QA, qa" }).promotion.requireVerifiedIn).toEqual([
      "Staging",
      "QA",
    ]);
    const self = refusal({ "require-verified-in": "staging, Production" });
    expect(self.message).toContain("It names Production, the environment being deployed to (production)");
  });

  it("refuses to deploy to an environment whose name has a comma, which require-verified-in could not name", () => {
    const r = refusal({ environment: "eu,west" });
    expect(r.message).toBe(
      'Invalid environment: "eu,west". A deploy refuses an environment name with a comma: `require-verified-in` separates names by commas, so no later deploy could be gated on it.',
    );
    expect(r.remedy).toContain("`eu-west`");
  });

  it("refuses steps that do not increase, do not end at 100, go over 100 or are not numbers", () => {
    expect(refusal({ "traffic-steps": "10, 50, 30, 100" }).message).toContain("30 comes after 50");
    expect(refusal({ "traffic-steps": "10, 10, 100" }).message).toContain("10 comes after 10");
    expect(refusal({ "traffic-steps": "10, 50" }).message).toContain("The last step must be 100");
    expect(refusal({ "traffic-steps": "10, 150" }).message).toContain("`150` is not a percentage");
    expect(refusal({ "traffic-steps": "0, 100" }).message).toContain("`0` is not a percentage");
    expect(refusal({ "traffic-steps": "ten, 100" }).message).toContain("`ten`");
    expect(refusal({ "traffic-steps": "2.5, 100" }).remedy).toContain("10, 50, 100");
  });

  it("refuses steps with a strategy other than command", () => {
    const r = refusal({
      "traffic-steps": "10, 100",
      strategy: "symlink",
      "release-source": "build",
      "releases-dir": "/srv/app",
    });
    expect(r.message).toContain("need the `command` strategy");
    expect(r.message).toContain("`symlink`");
  });
});
