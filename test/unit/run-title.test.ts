/** Finding a run by the id its title shows (src/core/run-title.ts). */
import { describe, expect, it } from "vitest";
import { mentionsId } from "../../src/core/run-title.ts";

describe("mentionsId", () => {
  it("matches whole ids only", () => {
    expect(mentionsId("Deploy 1.0.0 [sg-1]", "sg-1")).toBe(true);
    expect(mentionsId("Deploy 1.0.0 [sg-12]", "sg-1")).toBe(false);
    expect(mentionsId("Deploy 1.0.0 [xsg-1]", "sg-1")).toBe(false);
    expect(mentionsId("sg-12 then sg-1", "sg-1")).toBe(true);
  });
});
