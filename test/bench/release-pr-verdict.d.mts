// Types of release-pr-verdict.mjs, for the unit test that checks the bench's verdict.
export declare const EXPECTED_WRITES: readonly (readonly string[])[];
export declare function releasePrWritesVerdict(writes: Record<string, number>): {
  pass: boolean;
  unexpected: string[];
  wrong: string[];
};
