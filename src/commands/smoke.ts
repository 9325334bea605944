/** `smoke`: run the checks against what is deployed now and return the verdict and the report. */
import type { SmokeReport } from "../ports.ts";
import type { SmokeSettings } from "../settings.ts";
import type { SmokePort } from "./deploy.ts";

export interface SmokeResult {
  verdict: SmokeReport["verdict"];
  report: SmokeReport;
  message: string;
}

export async function runSmokeCommand(
  settings: SmokeSettings,
  ports: { smoke: SmokePort; baseEnv: Record<string, string> },
): Promise<SmokeResult> {
  const env: Record<string, string> = { ...ports.baseEnv };
  if (settings.version !== null) env.SHIPGUARD_VERSION = settings.version;
  if (settings.environment !== null) env.SHIPGUARD_ENVIRONMENT = settings.environment;
  const report = await ports.smoke.run(ports.smoke.suite, env);
  const bad = report.checks.filter((c) => c.verdict !== "pass");
  const message =
    report.verdict === "pass"
      ? `Smoke checks passed (${report.checks.length}).`
      : `Smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}: ${bad.map((c) => `${c.name} (${c.cause ?? c.verdict}: ${c.detail})`).join("; ")}`;
  return { verdict: report.verdict, report, message };
}
