import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  smokeOutputs,
  smokeSummary,
  smokeText
} from "./chunk-ITOAPMEX.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-XHKHA6W7.js";
import {
  boundList,
  boundText
} from "./chunk-GYMEDKPK.js";
import {
  register
} from "./chunk-TJUSELP2.js";
import "./chunk-MFXHZQZ4.js";
import {
  readSmokeSettings
} from "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ZMIH3YQE.js";
import {
  ShipguardError,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/commands/smoke.ts
async function runSmokeCommand(settings, ports, context) {
  const env = { ...context.env };
  const version = settings.version ?? await deployedVersion(settings.environment, ports.ledger ?? null);
  if (version !== null) env.SHIPGUARD_VERSION = version;
  if (settings.environment !== null) env.SHIPGUARD_ENVIRONMENT = settings.environment;
  let report;
  try {
    report = await ports.smoke.run(ports.smoke.suite, env, context.cancellation.signal);
  } catch (error) {
    if (version === null && error instanceof ShipguardError && isVersionUnset(error)) {
      const ledger = settings.environment === null ? null : ports.ledger?.describe ?? null;
      throw shipguardError("SG_SMOKE_VERSION_UNKNOWN", { environment: settings.environment, ledger });
    }
    throw error;
  }
  const bad = report.checks.filter((c) => c.verdict !== "pass");
  const checked = settings.version === null && version !== null ? ` against deployed ${version}` : "";
  const cancelled = context.cancellation.cause();
  const message = cancelled !== null && report.verdict !== "pass" ? `Smoke checks cancelled by ${cancelled}${checked}: undecided checks are inconclusive.` : report.verdict === "pass" ? `Smoke checks passed (${report.checks.length})${checked}.` : `Smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}${checked}: ${boundList(
    bad.map(
      (c) => `${boundText(c.name, 200)} (${c.cause ?? c.verdict}: ${boundText(c.detail, 300)})`
    ),
    "; "
  )}`;
  return { verdict: report.verdict, report, message };
}
async function deployedVersion(environment, ledger) {
  if (environment === null || ledger === null) return null;
  for await (const record of ledger.history(environment)) return record.payload.version;
  return null;
}
function isVersionUnset(error) {
  return error.code === "SG_CHECKS_VARIABLE_UNSET" && error.value === "SHIPGUARD_VERSION";
}

// src/registry/commands/smoke.ts
var smokeCommand = register({
  read: readSmokeSettings,
  async run(settings, root) {
    const repoDir = root.repoDir(settings.workingDirectory);
    const smoke = await root.smoke(settings.checks, repoDir);
    if (smoke === null) throw new Error("smoke settings always carry checks");
    const ledger = settings.version === null && settings.environment !== null ? await root.ledger(await root.github(settings.repository, "smoke"), repoDir, settings.ledgerFile) : null;
    return runSmokeCommand(settings, { smoke, ledger }, root.context);
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
