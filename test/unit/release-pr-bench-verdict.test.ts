import { describe, expect, it } from "vitest";
import { releasePrWritesVerdict } from "../bench/release-pr-verdict.mjs";

const proposed = {
  "POST git/create-tree": 1,
  "POST git/create-commit": 1,
  "POST git/create-ref": 1,
  "POST pulls/create": 1,
  "POST issues/add-labels": 1,
};

describe("the release pull request bench's verdict", () => {
  it("passes on exactly one tree, commit, ref write, pull request write and label call", () => {
    expect(releasePrWritesVerdict(proposed).pass).toBe(true);
    const { "POST git/create-ref": _, "POST pulls/create": __, ...rest } = proposed;
    const updated = { ...rest, "PATCH git/update-ref": 1, "PATCH pulls/update": 1 };
    expect(releasePrWritesVerdict(updated).pass).toBe(true);
  });

  it("fails on one blob write per file, even with one tree, one commit and one ref", () => {
    expect(releasePrWritesVerdict({ ...proposed, "POST git/create-blob": 100 })).toEqual({
      pass: false,
      unexpected: ["POST git/create-blob"],
      wrong: [],
    });
  });

  it("fails on a second tree, a ref both created and updated, or a missing label call", () => {
    expect(releasePrWritesVerdict({ ...proposed, "POST git/create-tree": 2 }).wrong).toEqual([
      "POST git/create-tree",
    ]);
    expect(releasePrWritesVerdict({ ...proposed, "PATCH git/update-ref": 1 }).pass).toBe(false);
    const { "POST issues/add-labels": _, ...unlabelled } = proposed;
    expect(releasePrWritesVerdict(unlabelled).wrong).toEqual(["POST issues/add-labels"]);
  });
});
