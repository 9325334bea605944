/**
 * The package instance the adapter reads with skips the package's scan for issue references and
 * @-mentions (src/core/conventional.ts, quietParser): the costliest pattern of a read, for output
 * nothing uses. These tests prove the switch still takes effect on the installed version of the
 * package (a renamed internal would silently bring the cost back) and that it changes nothing else
 * the package reads.
 */
import { CommitParser } from "conventional-commits-parser";
import { describe, expect, it } from "vitest";
import { PARSER_OPTIONS, quietParser } from "../../src/core/conventional.ts";

const MESSAGES = [
  "fix(api): handle #12 for @octocat (#34)",
  "feat!: drop Node 18\n\nCloses #5\nBREAKING CHANGE: needs Node 20, see #7\nRefs: #9 owner/repo#3",
  'Revert "feat: x #1"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n\nFixes #2',
  "chore: a\n\nbody with @someone and #44\n\nBREAKING-CHANGE: y\nfixes #45",
];

describe("quietParser", () => {
  const loud = new CommitParser(PARSER_OPTIONS);
  const quiet = quietParser(PARSER_OPTIONS);

  it("reads no references and no mentions, where the package's own parser finds them", () => {
    for (const message of MESSAGES) {
      expect(loud.parse(message).references.length, message).toBeGreaterThan(0);
      const commit = quiet.parse(message);
      expect(commit.references, message).toEqual([]);
      expect(commit.mentions, message).toEqual([]);
    }
    expect(loud.parse(MESSAGES[0]!).mentions).toEqual(["octocat"]);
  });

  it("reads everything else exactly as the package does", () => {
    for (const message of MESSAGES) {
      const { references: _r, mentions: _m, ...theirs } = loud.parse(message);
      const { references: _q, mentions: _n, ...ours } = quiet.parse(message);
      expect(ours, message).toEqual(theirs);
    }
  });
});
