// The release pull request bench's verdict (test/bench/release-pr-bench.mjs): its run's write
// requests, by operation, must be exactly one tree, one commit, one ref write (created or
// updated), one pull request write (opened or updated) and one label call. Any other write (one
// `POST git/create-blob` per file, a second tree) or a count other than one fails it.

/** The operations each of which is written exactly once: one of each group. */
export const EXPECTED_WRITES = [
  ["POST git/create-tree"],
  ["POST git/create-commit"],
  ["POST git/create-ref", "PATCH git/update-ref"],
  ["POST pulls/create", "PATCH pulls/update"],
  ["POST issues/add-labels"],
];

/**
 * `writes`: requests by operation (`{ "POST git/create-tree": 1, ... }`). Returns whether they are
 * exactly the expected set, and what differs: operations not expected, groups not written once.
 */
export function releasePrWritesVerdict(writes) {
  const expected = new Set(EXPECTED_WRITES.flat());
  const unexpected = Object.keys(writes).filter((op) => !expected.has(op));
  const wrong = EXPECTED_WRITES.filter(
    (group) =>
      group.reduce((sum, op) => sum + (writes[op] ?? 0), 0) !== 1 ||
      group.filter((op) => op in writes).length !== 1,
  ).map((group) => group.join(" | "));
  return { pass: unexpected.length === 0 && wrong.length === 0, unexpected, wrong };
}
