import { describe, expect, it } from "vitest";
import { isFromFork } from "../../src/adapters/github/pulls.ts";

const repo = { owner: "acme", repo: "app" };

describe("a pull request's head repository", () => {
  it("is this repository's when its full name is owner/repo, whatever the case", () => {
    expect(isFromFork({ full_name: "acme/app" }, repo)).toBe(false);
    expect(isFromFork({ full_name: "ACME/App" }, repo)).toBe(false);
    expect(isFromFork({ full_name: "acme/app" }, { owner: "Acme", repo: "APP" })).toBe(false);
  });

  it("is a fork's for any other repository, and for a deleted fork (no repository)", () => {
    expect(isFromFork({ full_name: "mallory/app" }, repo)).toBe(true);
    expect(isFromFork({ full_name: "acme/app-fork" }, repo)).toBe(true);
    expect(isFromFork({ full_name: "acme/ap" }, repo)).toBe(true);
    expect(isFromFork({ full_name: "other/acme/app" }, repo)).toBe(true);
    expect(isFromFork(null, repo)).toBe(true);
  });
});
