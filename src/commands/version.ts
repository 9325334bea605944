/**
 * `version`: what is the next version, and why. Reads every commit since the last reachable tag of
 * the line from the local clone (never through an API) and applies the rules in core/; the
 * reading itself is the step in steps/compute-version.ts, which `release` starts with too.
 */
import type { RunContext } from "../context.ts";
import type { VersionSettings } from "../settings.ts";
import { computeVersion, type VersionPorts, type VersionResult } from "../steps/compute-version.ts";

export type { VersionPorts, VersionResult };

export function runVersion(
  settings: VersionSettings,
  ports: VersionPorts,
  context: Pick<RunContext, "serverUrl" | "repository" | "branch">,
): Promise<VersionResult> {
  return computeVersion(settings, ports, context);
}
