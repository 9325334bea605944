/**
 * What the settings file may hold: every input by its name, in the shapes the option reads, and
 * `packages`; and the keys a committed file must not hold, each with why and where it goes instead.
 */
import { OPTIONS } from "./options.ts";

/** How a YAML list (or `name=value` mapping) becomes the option's text: lines or commas, as the option reads it. */
const LISTS: Readonly<Record<string, "\n" | ", ">> = {
  "release-rules": "\n",
  "prerelease-branches": ", ",
  "maintenance-branches": ", ",
  "require-verified-in": ", ",
  "traffic-steps": ", ",
  "migration-paths": "\n",
  "notify-on": ", ",
  "workflow-inputs": "\n",
  "version-files": "\n",
};

/** Options that take `name=value` pairs: a YAML mapping becomes those pairs. */
const PAIRS: ReadonlySet<string> = new Set(["release-rules", "prerelease-branches", "workflow-inputs"]);

/** Options whose value is YAML itself: a nested structure is written back as YAML text for the reader. */
const YAML_TEXT: ReadonlySet<string> = new Set(["checks"]);

/** What a YAML list or mapping is to an option: its separator, whether it takes pairs, or YAML text. */
export function shapeOf(option: string): { separator: string | null; pairs: boolean; yaml: boolean } {
  return { separator: LISTS[option] ?? null, pairs: PAIRS.has(option), yaml: YAML_TEXT.has(option) };
}

export interface Refusal {
  reason: string;
  remedy: string;
}

const SECRET: Refusal = {
  reason: "secrets never go in a repository file.",
  remedy: "Pass it to the step from `secrets.*` (the reusable workflows take it as a secret).",
};

const ONE_RUN: Refusal = {
  reason:
    "it is one run's value (the version to deploy, a rollback's reason, an attempt's id, a guard's override a person decides); in a committed file it would hold for every run.",
  remedy: "Give it to the step, or as a flag, for the run it is meant for.",
};

const REFUSED: Readonly<Record<string, Refusal>> = {
  command: {
    reason: "the command is chosen per step (or by the CLI's first word); one file serves them all.",
    remedy: "Set `command` on each step.",
  },
  token: {
    reason: "secrets never go in a repository file.",
    remedy:
      "Leave the `token` input at its default (the job's token) or pass one from `secrets.*`; the CLI reads GITHUB_TOKEN.",
  },
  "working-directory": {
    reason: "it says where the file is, so the file cannot set it.",
    remedy: "Give it to the step, or as `--cwd`.",
  },
  "config-file": {
    reason: "it says where the file is, so the file cannot set it.",
    remedy: "Give it to the step, or as `--config-file`.",
  },
  repository: {
    reason:
      "it says which repository a run works on: in the action the workflow's own, and the CLI works locally unless `--repo` is given; a committed value would send every local run to GitHub.",
    remedy: "Give `repository` to the step, or `--repo` to the CLI.",
  },
  version: ONE_RUN,
  ref: ONE_RUN,
  "to-version": ONE_RUN,
  "from-version": ONE_RUN,
  reason: ONE_RUN,
  "correlation-id": {
    ...ONE_RUN,
    reason:
      "it is one attempt's id, and the same id twice does the work once: in a committed file every later deploy or rollback would do nothing.",
  },
  force: ONE_RUN,
  "allow-migrations": ONE_RUN,
  incident: ONE_RUN,
};

/** Why a key may not be in the file, or null when it may. */
export function refusalOf(key: string): Refusal | null {
  const spec = OPTIONS.find((o) => o.name === key);
  if (spec === undefined) return null;
  if (spec.secret) return SECRET;
  if (spec.cliOnly) {
    return {
      reason: "it is a flag of one command line, not an input.",
      remedy: `Pass \`--${key}\` to the CLI.`,
    };
  }
  return REFUSED[key] ?? null;
}

/** The keys of the file's top level: every option that is not refused, and `packages`. */
export const FILE_KEYS: readonly string[] = [
  ...OPTIONS.filter((o) => refusalOf(o.name) === null).map((o) => o.name),
  "packages",
];

/** The version options a package may set for itself; the others it inherits from the top level. */
export const PACKAGE_VERSION_KEYS = [
  "release-rules",
  "squash-bullets",
  "initial-version",
  "major-zero-breaking",
  "prerelease",
  "build-metadata",
] as const;

/** The release-file options a package may set for itself (paths relative to its folder). */
export const PACKAGE_FILE_KEYS = ["version-files", "changelog-file", "chart-app-version"] as const;

/** The keys of one package of `packages`. */
export const PACKAGE_KEYS: readonly string[] = [
  "tag-prefix",
  "extra-paths",
  "exclude-paths",
  ...PACKAGE_VERSION_KEYS,
  ...PACKAGE_FILE_KEYS,
];
