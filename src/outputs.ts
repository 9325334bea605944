/** Every output the action writes, by command: action.yml and the README are checked against it. */
export const OUTPUTS: readonly { name: string; description: string }[] = [
  {
    name: "version",
    description:
      "`version`/`release`: the next version without prefix (`1.3.0`); empty when no release is needed.",
  },
  {
    name: "previous-version",
    description:
      "`version`/`release`: the version of the last tag the range starts from; empty on a first release.",
  },
  {
    name: "tag",
    description: "`version`/`release`: the next tag (`v1.3.0`); empty when no release is needed.",
  },
  {
    name: "previous-tag",
    description: "`version`/`release`: the last reachable tag of the line; empty on a first release.",
  },
  { name: "bump", description: "`version`/`release`: `major`, `minor`, `patch` or `none`." },
  {
    name: "release-needed",
    description: "`version`/`release`: `true` when a commit since the last tag calls for a release.",
  },
  { name: "prerelease", description: "`version`/`release`: `true` when the next version is a prerelease." },
  { name: "commit-count", description: "`version`/`release`: non-merge commits counted since the last tag." },
  { name: "notes", description: "`version`/`release`: release notes in markdown for the range." },
  {
    name: "packages",
    description:
      "`version`/`release` with `packages` (a monorepo): JSON mapping each package path to `{component, version, previous-version, tag, previous-tag, bump, release-needed, commit-count, reason, notes, tag-prefix}`, and for `release` also `{released, release-url, tag-sha, superseded}`. The single-package outputs then describe the root package `.`, and stay empty without one.",
  },
  {
    name: "released-packages",
    description:
      "`version` with `packages`: a JSON array of the paths of the packages that have a release to make; `release`: of those whose release exists at the end of the run. For a matrix (`fromJSON(...)`); `[]` when none.",
  },
  {
    name: "released",
    description:
      "`release`: `true` when the release exists at the end of the run (made now or finished from an earlier run).",
  },
  { name: "release-id", description: "`release`: the GitHub Release's id." },
  { name: "release-url", description: "`release`: the GitHub Release's page." },
  { name: "tag-sha", description: "`release`: the commit the tag points at." },
  {
    name: "release-sha",
    description:
      "`release` with version files or a changelog: the release commit (`chore(release): ...`) the tags point at; empty when no files were written.",
  },
  {
    name: "superseded",
    description:
      "`release`: `true` when another run tagged this version on another commit first; nothing was created.",
  },
  {
    name: "pr-number",
    description:
      "`release` with `release-mode: pull-request`: the release pull request's number (opened, updated, closed or released by this run); empty when there is none, and in direct mode.",
  },
  {
    name: "pr-url",
    description:
      "`release` with `release-mode: pull-request`: the release pull request's page; empty when there is none.",
  },
  {
    name: "deployment-id",
    description: "`deploy`/`rollback`: the GitHub Deployment (or ledger) id of this deployment.",
  },
  {
    name: "status",
    description:
      "`deploy`: `success`, `failure` or `blocked` (require-verified-in held: nothing deployed or recorded). `rollback`: `success`, `failure`, `skipped` (same correlation id, or a newer deploy passed since) or `blocked` (a guard refused; the step fails with its code).",
  },
  {
    name: "smoke-verdict",
    description: "`deploy`: `pass`, `fail` or `inconclusive`; empty when no checks are configured.",
  },
  {
    name: "smoke-report",
    description: "`deploy`: the smoke report as JSON, one entry per check with its cause and timings.",
  },
  {
    name: "previous-good-version",
    description: "`deploy`: the environment's last known good version before this deploy.",
  },
  {
    name: "rollback-url",
    description: "`deploy`: the dispatched rollback run, when the deploy failed and a rollback started.",
  },
  { name: "verdict", description: "`smoke`: `pass`, `fail` or `inconclusive`." },
  {
    name: "report",
    description: "`smoke`: the report as JSON, one entry per check with its cause and timings.",
  },
  { name: "rolled-back-to", description: "`rollback`: the version put back." },
  { name: "rolled-back-from", description: "`rollback`: the version rolled back from." },
  {
    name: "incident",
    description:
      "`deploy`/`rollback`: when this run is part of a rollback incident, the incident as JSON (`shipguard.incident/v1`: id, event, title, report) for the `incident` command (incident.yml); else empty.",
  },
  {
    name: "incident-url",
    description:
      "`deploy`/`rollback` with incident-issue, and `incident`: the incident's GitHub issue (or local file).",
  },
  {
    name: "metrics",
    description:
      "`metrics`: the delivery metrics as JSON, schema `shipguard.metrics/v1`: `since`, `until`, and per environment `deploymentFrequency`, `leadTime`, `changeFailureRate`, `recoveryTime`, `reworkRate` and `inProgress` (see Delivery metrics in the README).",
  },
];
