/** `smoke`: run the checks against what is deployed now and return the verdict and the report. */
import type { RunContext } from "../context.ts";
import type { SmokeReport } from "../core/smoke/types.ts";
import { boundList, boundText } from "../core/smoke/verdict.ts";
import type { SmokePort } from "../ports.ts";
import type { SmokeSettings } from "../settings.ts";

export interface SmokeResult {
  verdict: SmokeReport["verdict"];
  report: SmokeReport;
  message: string;
}

export async function runSmokeCommand(
  settings: SmokeSettings,
  ports: { smoke: SmokePort },
  context: RunContext,
): Promise<SmokeResult> {
  const env: Record<string, string> = { ...context.env };
  if (settings.version !== null) env.SHIPGUARD_VERSION = settings.version;
  if (settings.environment !== null) env.SHIPGUARD_ENVIRONMENT = settings.environment;
  const report = await ports.smoke.run(ports.smoke.suite, env);
  const bad = report.checks.filter((c) => c.verdict !== "pass");
  const message =
    report.verdict === "pass"
      ? `Smoke checks passed (${report.checks.length}).`
      : `Smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}: ${boundList(
          bad.map((c) => `${boundText(c.name, 200)} (${c.cause ?? c.verdict}: ${boundText(c.detail, 300)})`),
          "; ",
        )}`;
  return { verdict: report.verdict, report, message };
}
