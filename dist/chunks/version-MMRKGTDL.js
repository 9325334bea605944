import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  computeVersion,
  versionJson,
  versionOutputs,
  versionSummary,
  versionText
} from "./chunk-7X7I2N6L.js";
import {
  register
} from "./chunk-BKXIQWA4.js";
import "./chunk-FEGRNFBW.js";
import {
  readVersionSettings
} from "./chunk-EXG5O2DU.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";

// src/commands/version.ts
function runVersion(settings, ports, context) {
  return computeVersion(settings, ports, context);
}

// src/registry/commands/version.ts
var versionCommand = register({
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
    json: versionJson(result)
  })
});
export {
  versionCommand
};
