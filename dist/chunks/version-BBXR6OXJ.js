import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  computeVersion,
  computeVersions,
  packagesJson,
  packagesOutputs,
  packagesReason,
  packagesSummary,
  packagesText,
  versionJson,
  versionOutputs,
  versionSummary,
  versionText
} from "./chunk-5V5KT4YD.js";
import {
  register
} from "./chunk-TJUSELP2.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-BCCI77KM.js";
import {
  normalizePath,
  optional,
  raw,
  readVersionSettings
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ZMIH3YQE.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/commands/version.ts
async function runVersionCommand(settings, only, ports, context) {
  const packages = settings.packages;
  if (only !== null) {
    const path = normalizePath(only.trim());
    if (packages === null || !packages.some((p) => p.path === path)) {
      throw shipguardError("SG_UNKNOWN_PACKAGE", {
        package: only,
        configured: packages?.map((p) => p.path) ?? []
      });
    }
    const selection = settings.bumpDependents ? {} : { only: [path] };
    const result = await computeVersions(settings, ports, context, selection);
    return { kind: "package", result: result.packages.find((p) => p.path === path) };
  }
  if (packages === null) return { kind: "single", result: await computeVersion(settings, ports, context) };
  return { kind: "packages", result: await computeVersions(settings, ports, context) };
}

// src/registry/commands/version.ts
var versionCommand = register({
  read: (source) => ({ ...readVersionSettings(source), package: optional(raw(source, "package")) }),
  run(settings, root) {
    const { logger } = root.context;
    return runVersionCommand(
      settings,
      settings.package,
      { git: root.git(settings.workingDirectory), logger },
      root.context
    );
  },
  present: (outcome) => {
    if (outcome.kind !== "packages") return single(outcome.result);
    const result = outcome.result;
    return {
      ok: true,
      message: packagesReason(result),
      problem: null,
      outputs: packagesOutputs(result),
      summary: packagesSummary(result),
      text: packagesText(result),
      json: packagesJson(result)
    };
  }
});
function single(result) {
  return {
    ok: true,
    message: result.reason,
    problem: null,
    outputs: versionOutputs(result),
    summary: versionSummary(result),
    text: versionText(result),
    json: versionJson(result)
  };
}
export {
  versionCommand
};
