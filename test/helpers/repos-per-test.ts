/** TestRepos that a test file makes and that are removed after each of its tests. */
import { afterEach } from "vitest";
import { TestRepo } from "./git-repo.ts";

/** Returns a maker of TestRepos; what it made is removed after each test of the calling file. */
export function reposPerTest(): () => TestRepo {
  const made: TestRepo[] = [];
  afterEach(() => {
    for (const r of made.splice(0)) r.remove();
  });
  return () => {
    const r = new TestRepo();
    made.push(r);
    return r;
  };
}
