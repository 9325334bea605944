/** GitHub's refusals of a release's file commit and of the release pull request. */
import { define } from "../define-error.ts";
import { answered, type GitHubAnswer } from "./github.ts";

export const GITHUB_WRITE_ERRORS = {
  SG_BRANCH_PROTECTED: define(
    "GitHub refused to move a protected branch (branch protection or a ruleset requires pull requests), so the release's files could not be committed on it.",
    (p: GitHubAnswer & { branch: string }) => ({
      message: `${answered(p)}. The branch ${p.branch} is protected: changes must reach it through a pull request.`,
      remedy: `Set \`release-mode: pull-request\`: shipguard then commits the version files and changelog on \`shipguard/release/${p.branch}\` and opens a pull request to ${p.branch}, and releases once it is merged. (Or let the token bypass the rule: a GitHub App token on the bypass list, passed as \`token\`.)`,
      input: "release-mode",
      value: "direct",
    }),
    "Use `release-mode: pull-request` (or a token on the protection's bypass list).",
  ),
  SG_BRANCH_MOVED: define(
    "The branch moved on while the release was being written, so the release commit would not follow its tip.",
    (p: GitHubAnswer & { branch: string; parent: string }) => ({
      message: `${answered(p)}. The branch ${p.branch} is no longer at ${p.parent.slice(0, 12)}, the commit the release was computed from.`,
      remedy: `Re-run the release: it computes the versions again from the tip of ${p.branch}.`,
    }),
    "Re-run: the release is computed again from the branch's new tip.",
  ),
  SG_PR_CREATION_FORBIDDEN: define(
    'The repository (or its organization) does not allow GitHub Actions to create pull requests (403 "GitHub Actions is not permitted to create or approve pull requests").',
    (p: GitHubAnswer & { repository: string }) => ({
      message: `${answered(p)}. ${p.repository} has the setting "Allow GitHub Actions to create and approve pull requests" turned off, so the GITHUB_TOKEN may not open the release pull request.`,
      remedy:
        "Turn on \"Allow GitHub Actions to create and approve pull requests\" (the repository's Settings > Actions > General > Workflow permissions; in an organization, its own Actions settings first). Or pass a GitHub App installation token (actions/create-github-app-token) or a personal access token as `token`: its pull requests also start CI, which GITHUB_TOKEN's do not.",
      input: "token",
    }),
    'Turn on "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token or PAT as `token`.',
  ),
};
