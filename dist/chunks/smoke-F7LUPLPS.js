import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  smokeOutputs,
  smokeSummary,
  smokeText
} from "./chunk-R3YSSB2O.js";
import {
  register
} from "./chunk-4CLY7DDP.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-PBNCQUHE.js";
import {
  readSmokeSettings
} from "./chunk-7UTOPR6J.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-JXOKNZIK.js";
import "./chunk-YIKRADAN.js";

// src/commands/smoke.ts
async function runSmokeCommand(settings, ports, context) {
  const env = { ...context.env };
  if (settings.version !== null) env.SHIPGUARD_VERSION = settings.version;
  if (settings.environment !== null) env.SHIPGUARD_ENVIRONMENT = settings.environment;
  const report = await ports.smoke.run(ports.smoke.suite, env);
  const bad = report.checks.filter((c) => c.verdict !== "pass");
  const message = report.verdict === "pass" ? `Smoke checks passed (${report.checks.length}).` : `Smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}: ${bad.map((c) => `${c.name} (${c.cause ?? c.verdict}: ${c.detail})`).join("; ")}`;
  return { verdict: report.verdict, report, message };
}

// src/registry/commands/smoke.ts
var smokeCommand = register({
  read: readSmokeSettings,
  async run(settings, root) {
    const smoke = await root.smoke(settings.checks, root.repoDir(settings.workingDirectory));
    if (smoke === null) throw new Error("smoke settings always carry checks");
    return runSmokeCommand(settings, { smoke }, root.context);
  },
  present: (r) => ({
    ok: r.verdict === "pass",
    message: r.message,
    problem: null,
    outputs: smokeOutputs(r),
    summary: smokeSummary(r.report),
    text: smokeText(r.report),
    json: r.report
  })
});
export {
  smokeCommand
};
