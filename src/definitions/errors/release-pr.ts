/** The release pull request (`release-mode: pull-request`): where it can run, what a merged one proposes. */
import { define } from "../define-error.ts";

export const RELEASE_PR_ERRORS = {
  SG_RELEASE_PR_NEEDS_GITHUB: define(
    "`release-mode: pull-request` was asked for without GitHub (the CLI without `--repo`): a pull request exists only on GitHub.",
    (_p: Record<string, never>) => ({
      message:
        "release-mode `pull-request` opens a release pull request on GitHub, but no repository is set: the CLI without --repo works on the local repository, which has no pull requests.",
      remedy:
        "Give --repo owner/name with GITHUB_TOKEN in the environment to open the pull request on GitHub, or use --release-mode direct (the default) to commit and tag locally.",
      input: "release-mode",
      value: "pull-request",
    }),
    "Give `--repo owner/name` (and GITHUB_TOKEN), or use `release-mode: direct` locally.",
  ),
  SG_RELEASE_PR_NO_BRANCH: define(
    "`release-mode: pull-request` ran on a detached HEAD (a tag or a commit checked out): a release pull request needs the branch it goes to.",
    (_p: Record<string, never>) => ({
      message:
        "release-mode `pull-request` needs the branch the release pull request goes to, but the run is on no branch (a detached HEAD: a tag, a commit, or a pull request's merge ref).",
      remedy:
        "Run the release on a push to the base branch (`on: push: branches: [main]`), with the branch checked out.",
      input: "release-mode",
      value: "pull-request",
    }),
    "Run it on a push to the base branch.",
  ),
  SG_RELEASE_PR_PROPOSAL_INVALID: define(
    "A merged release pull request proposes a release that does not fit the settings (a package that is not configured, a tag without its prefix): nothing was released.",
    (p: { number: number; url: string; problem: string }) => ({
      message: `The merged release pull request #${p.number} (${p.url}) proposes ${p.problem}; nothing was released.`,
      remedy:
        "Tag the merged commit by hand (or revert the settings change that made the proposal stale), then remove the `shipguard: pending` label from the pull request so later runs do not read it again.",
    }),
    "Tag the merged commit by hand, then remove the `shipguard: pending` label.",
  ),
};
