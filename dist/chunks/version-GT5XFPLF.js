import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  computeVersion,
  versionJson,
  versionOutputs,
  versionSummary,
  versionText
} from "./chunk-HTUUAZVH.js";
import {
  register
} from "./chunk-EUYTWEI2.js";
import "./chunk-FEGRNFBW.js";
import {
  readVersionSettings
} from "./chunk-247VEKFP.js";
import "./chunk-SAQUPTMN.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ST7FDLZW.js";
import "./chunk-NPSWBCF6.js";
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
