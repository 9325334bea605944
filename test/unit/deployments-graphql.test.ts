import { describe, expect, it } from "vitest";
import { deploymentIdOf, orderStatuses } from "../../src/adapters/github/deployments-graphql.ts";
import type { DeploymentStatus } from "../../src/ports.ts";

describe("deploymentIdOf", () => {
  it("reads the REST id from GitHub's current and legacy node ids", () => {
    // A real one, from a public GraphQL answer (github/branch-deploy#303): repository 506682740.
    expect(deploymentIdOf("DE_kwDOHjNddM5sikiB")).toBe("1821001857");
    // Past 2^31, where `databaseId` (a 32-bit Int) cannot follow: uint32 in MessagePack.
    const packed = Buffer.from([0x93, 0x00, 0xce, 0x29, 0xb9, 0x27, 0xc1, 0xce, 0x8f, 0x0d, 0x18, 0x01]);
    expect(deploymentIdOf(`DE_${packed.toString("base64url")}`)).toBe(String(0x8f0d1801));
    expect(deploymentIdOf(Buffer.from("010:Deployment456789").toString("base64"))).toBe("456789");
  });

  it("gives null for anything else", () => {
    expect(deploymentIdOf("PR_kwDOHjNddM5sikiB")).toBeNull();
    expect(deploymentIdOf("DE_")).toBeNull();
    expect(deploymentIdOf(`DE_${Buffer.from([0x92, 0x00, 0x01]).toString("base64url")}`)).toBeNull();
    expect(deploymentIdOf(`DE_${Buffer.from([0x93, 0x00, 0xce, 0x01]).toString("base64url")}`)).toBeNull();
    expect(deploymentIdOf(Buffer.from("010:Release12").toString("base64"))).toBeNull();
  });
});

describe("orderStatuses", () => {
  const status = (state: DeploymentStatus["state"], createdAt: string): DeploymentStatus => ({
    state,
    createdAt,
    description: "",
    logUrl: null,
    environmentUrl: null,
  });

  it("puts the oldest first and, within a second, follows a deployment's life", () => {
    const newestFirst = [
      status("inactive", "2026-01-01T00:00:09Z"),
      status("success", "2026-01-01T00:00:05Z"),
      status("in_progress", "2026-01-01T00:00:05Z"),
      status("queued", "2026-01-01T00:00:05Z"),
      status("failure", "2026-01-01T00:00:01Z"),
    ];
    expect(orderStatuses(newestFirst).map((s) => s.state)).toEqual([
      "failure",
      "queued",
      "in_progress",
      "success",
      "inactive",
    ]);
    // The same answer whatever order GitHub lists them in.
    expect(orderStatuses([...newestFirst].reverse()).map((s) => s.state)).toEqual(
      orderStatuses(newestFirst).map((s) => s.state),
    );
  });
});
