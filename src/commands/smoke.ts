/** `smoke`: run the checks against what is deployed now and return the verdict and the report. */
import type { RunContext } from "../context.ts";
import type { SmokeReport } from "../core/smoke/types.ts";
import { boundList, boundText } from "../core/smoke/verdict.ts";
import { ShipguardError, shipguardError } from "../errors.ts";
import type { Ledger, SmokePort } from "../ports.ts";
import type { SmokeSettings } from "../settings.ts";

export interface SmokeResult {
  verdict: SmokeReport["verdict"];
  report: SmokeReport;
  message: string;
}

/**
 * Without `version`, the checks expect the version deployed now: the newest record of
 * `environment` in the ledger (given only then). Checks that use ${SHIPGUARD_VERSION} when no
 * version can be found fail with an error that names `version` and `environment`.
 */
export async function runSmokeCommand(
  settings: SmokeSettings,
  ports: { smoke: SmokePort; ledger?: Ledger | null },
  context: RunContext,
): Promise<SmokeResult> {
  const env: Record<string, string> = { ...context.env };
  const version = settings.version ?? (await deployedVersion(settings.environment, ports.ledger ?? null));
  if (version !== null) env.SHIPGUARD_VERSION = version;
  if (settings.environment !== null) env.SHIPGUARD_ENVIRONMENT = settings.environment;
  let report: SmokeReport;
  try {
    report = await ports.smoke.run(ports.smoke.suite, env, context.cancellation.signal);
  } catch (error) {
    if (version === null && error instanceof ShipguardError && isVersionUnset(error)) {
      const ledger = settings.environment === null ? null : (ports.ledger?.describe ?? null);
      throw shipguardError("SG_SMOKE_VERSION_UNKNOWN", { environment: settings.environment, ledger });
    }
    throw error;
  }
  const bad = report.checks.filter((c) => c.verdict !== "pass");
  const checked = settings.version === null && version !== null ? ` against deployed ${version}` : "";
  const cancelled = context.cancellation.cause();
  const message =
    cancelled !== null && report.verdict !== "pass"
      ? `Smoke checks cancelled by ${cancelled}${checked}: undecided checks are inconclusive.`
      : report.verdict === "pass"
        ? `Smoke checks passed (${report.checks.length})${checked}.`
        : `Smoke checks ${report.verdict === "fail" ? "failed" : "were inconclusive"}${checked}: ${boundList(
            bad.map(
              (c) => `${boundText(c.name, 200)} (${c.cause ?? c.verdict}: ${boundText(c.detail, 300)})`,
            ),
            "; ",
          )}`;
  return { verdict: report.verdict, report, message };
}

async function deployedVersion(environment: string | null, ledger: Ledger | null): Promise<string | null> {
  if (environment === null || ledger === null) return null;
  for await (const record of ledger.history(environment)) return record.payload.version;
  return null;
}

function isVersionUnset(error: ShipguardError): boolean {
  return error.code === "SG_CHECKS_VARIABLE_UNSET" && error.value === "SHIPGUARD_VERSION";
}
