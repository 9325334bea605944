/**
 * What a deploy deploys: the tag of \`version\` (which must exist), or the commit \`ref\` names
 * (HEAD by default), as the target its deployer and checks receive.
 */
import { shipguardError } from "../errors.ts";
import type { DeployTarget, Git } from "../ports.ts";
import type { DeploySettings } from "../settings.ts";

export async function resolveTarget(
  settings: DeploySettings,
  git: Git,
  correlationId: string,
): Promise<DeployTarget> {
  const base = {
    environment: settings.environment,
    previousVersion: null,
    kind: "deploy" as const,
    correlationId,
  };
  if (settings.version !== null) {
    const tag = `${settings.tagPrefix}${settings.version}`;
    const sha = await git.tagCommit(tag);
    if (sha === null)
      throw shipguardError("SG_TAG_MISSING", { tag, version: settings.version, input: "version" });
    return { ...base, version: settings.version, tag, sha };
  }
  const ref = settings.ref ?? "HEAD";
  const sha = await git.resolveCommit(ref);
  if (sha === null) throw shipguardError("SG_REF_UNKNOWN", { ref });
  return { ...base, version: sha.slice(0, 12), tag: null, sha };
}
