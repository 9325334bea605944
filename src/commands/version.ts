/**
 * `version`: what is the next version, and why. Reads every commit since the last reachable tag of
 * the line from the local clone (never through an API) and applies the rules in core/; the
 * reading itself is the step in steps/compute-version.ts, which `release` starts with too. With
 * `packages` configured (a monorepo), every package is decided from one read of history
 * (steps/compute-versions.ts); `--package` picks one and shows it as a single-package result.
 */
import type { RunContext } from "../context.ts";
import { normalizePath } from "../core/packages.ts";
import { shipguardError } from "../errors.ts";
import type { VersionSettings } from "../settings.ts";
import { computeVersion, type VersionPorts, type VersionResult } from "../steps/compute-version.ts";
import {
  computeVersions,
  type PackageVersionResult,
  type VersionsResult,
} from "../steps/compute-versions.ts";

export type { PackageVersionResult, VersionPorts, VersionResult, VersionsResult };

export function runVersion(
  settings: VersionSettings,
  ports: VersionPorts,
  context: Pick<RunContext, "serverUrl" | "repository" | "branch">,
): Promise<VersionResult> {
  return computeVersion(settings, ports, context);
}

/** What `version` found: one version, every package's, or the one package `--package` names. */
export type VersionOutcome =
  | { kind: "single"; result: VersionResult }
  | { kind: "packages"; result: VersionsResult }
  | { kind: "package"; result: PackageVersionResult };

export async function runVersionCommand(
  settings: VersionSettings,
  /** `--package`: the path of the one package to show; null for all. */
  only: string | null,
  ports: VersionPorts,
  context: Pick<RunContext, "serverUrl" | "repository" | "branch">,
): Promise<VersionOutcome> {
  const packages = settings.packages;
  if (only !== null) {
    const path = normalizePath(only.trim());
    if (packages === null || !packages.some((p) => p.path === path)) {
      throw shipguardError("SG_UNKNOWN_PACKAGE", {
        package: only,
        configured: packages?.map((p) => p.path) ?? [],
      });
    }
    // A package's dependencies can release it: then every package is decided, and this one shown.
    const selection = settings.bumpDependents ? {} : { only: [path] };
    const result = await computeVersions(settings, ports, context, selection);
    return { kind: "package", result: result.packages.find((p) => p.path === path)! };
  }
  if (packages === null) return { kind: "single", result: await computeVersion(settings, ports, context) };
  return { kind: "packages", result: await computeVersions(settings, ports, context) };
}
