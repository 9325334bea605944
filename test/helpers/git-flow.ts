/** The Git Flow history the maintenance-line tests share. */
import { TestRepo } from "./git-repo.ts";

/**
 * v1.2.3 and v1.2.4 (annotated) released from main, `release/1.2` branched at v1.2.4, then main
 * goes on to v1.3.0; HEAD is left on release/1.2. The caller removes the repository.
 */
export function gitFlowRepo(): TestRepo {
  const r = new TestRepo();
  r.commit("feat: a");
  r.tag("v1.2.3");
  r.commit("fix: b");
  r.tag("v1.2.4", { annotated: true });
  r.branch("release/1.2");
  r.commit("feat: c");
  r.tag("v1.3.0", { annotated: true });
  r.checkout("release/1.2");
  return r;
}
