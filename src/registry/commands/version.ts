import { runVersion, type VersionResult } from "../../commands/version.ts";
import { versionJson, versionOutputs, versionSummary, versionText } from "../../presenters/version.ts";
import { readVersionSettings, type VersionSettings } from "../../settings.ts";
import { register } from "../command.ts";

export const versionCommand = register<VersionSettings, VersionResult>({
  read: readVersionSettings,
  run(settings, root) {
    const { logger } = root.context;
    return runVersion(settings, { git: root.git(settings.workingDirectory), logger }, root.context);
  },
  present: (result) => ({
    ok: true,
    message: result.reason,
    problem: null,
    outputs: versionOutputs(result),
    summary: versionSummary(result),
    text: versionText(result),
    json: versionJson(result),
  }),
});
