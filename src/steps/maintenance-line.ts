/**
 * The maintenance-line check of one version decision (core/maintenance.ts has the rules): on a
 * branch of `maintenance-branches` the decided version either stays on the line of the last tag,
 * and the reason says so, or the run fails with SG_MAINTENANCE_LINE. Everything it needs comes in
 * as arguments, so a monorepo calls it once per package with that package's baseline and decision.
 */
import semver from "semver";
import type { RunContext } from "../context.ts";
import { checkMaintenanceLine, type MaintenanceLine, type ProposalCause } from "../core/maintenance.ts";
import type { VersionDecision } from "../core/next-version.ts";
import { printable } from "../core/printable.ts";
import { unreachableAboveWarning } from "../core/tags.ts";
import type { Baseline, HistoryAnalysis } from "../core/types.ts";
import type { Git } from "../ports.ts";
import type { VersionSettings } from "../settings.ts";

/** The decision as the run reports it: its reason followed by the line, the baseline's warnings first. */
export interface LineChecked extends VersionDecision {
  /** The line the release stays on (`1.2.x`, `1.x`, `>1.2.4 <1.2.7`), or null off maintenance branches. */
  maintenanceLine: string | null;
}

/**
 * Throws SG_MAINTENANCE_LINE when the decided version would leave the line. The branch is
 * `context.branch`, else git's current branch, asked only when maintenance-branches is set (a caller
 * with many packages reads it once and passes it as `context.branch`).
 */
export async function onMaintenanceLine(
  settings: Pick<VersionSettings, "maintenanceBranches">,
  where: { context: Pick<RunContext, "branch">; git: Pick<Git, "currentBranch"> },
  facts: { baseline: Baseline; analysis: HistoryAnalysis; decision: VersionDecision },
): Promise<LineChecked> {
  const { baseline, analysis, decision } = facts;
  const globs = settings.maintenanceBranches;
  const warnings = [...baseline.warnings, ...decision.warnings];
  const off: LineChecked = { ...decision, warnings, maintenanceLine: null };
  if (globs.length === 0) return off;
  const verdict = checkMaintenanceLine({
    branch: where.context.branch ?? (await where.git.currentBranch()),
    globs,
    base: baseline.lastStable,
    existing: baseline.versions,
    proposed:
      decision.version === null ? null : { version: decision.version, cause: causeOf(decision, analysis) },
  });
  if (verdict.refusal !== null) throw verdict.refusal;
  const { line } = verdict;
  if (line === null) return off;
  // There, tags above the line on other branches are the point, not a surprise worth a warning.
  const expected = unreachableAboveWarning(baseline.versions, baseline.lastAny);
  return {
    ...decision,
    reason: `${decision.reason} ${lineSentence(line)}`,
    warnings: warnings.filter((w) => w !== expected),
    maintenanceLine: line.label,
  };
}

function lineSentence(line: MaintenanceLine): string {
  const { limit } = line;
  const branch = `${printable(line.branch)} is a maintenance branch (maintenance-branches: ${line.glob})`;
  if (limit === null) {
    return `${branch}: no tag above its last one exists yet, so nothing limits its line (${line.label}); its releases are never marked latest.`;
  }
  return `${branch}: its releases stay on the line ${line.label}, below ${limit.tag ?? limit.version}, and are never marked latest.`;
}

/** A Release-As footer when the decided version is the one it asked for; else the commits' bump. */
function causeOf(decision: VersionDecision, analysis: HistoryAnalysis): ProposalCause {
  const asked = analysis.releaseAs;
  const wanted = asked === null ? null : semver.parse(asked.value.replace(/^[vV]/, ""));
  const decided = semver.parse(decision.version);
  if (asked !== null && wanted !== null && decided !== null && sameCore(wanted, decided)) {
    return { kind: "release-as", value: asked.value, sha: asked.sha };
  }
  const bump = decision.bump === "none" ? "patch" : decision.bump;
  return { kind: "bump", bump, sha: analysis.decidingCommit?.sha ?? null };
}

function sameCore(a: semver.SemVer, b: semver.SemVer): boolean {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch;
}
