/** How the demo reads the checks' reports, and what an environment's router serves. */
import type { CheckReport, SmokeReport } from "../ports.ts";
import type { DemoCheck, DemoEnvironment } from "./types.ts";

export function checksOf(report: SmokeReport | null): DemoCheck[] {
  return (report?.checks ?? []).map((c: CheckReport) => ({
    name: c.name,
    verdict: c.verdict,
    cause: c.cause,
    detail: c.detail,
    attempts: c.attempts,
  }));
}

/** "health FAILED after 38 ms (success-rate: ... success rate 0.9 ...), version passed". */
export function describeChecks(report: SmokeReport | null): string {
  if (report === null) return "no checks ran";
  return report.checks
    .map((c) =>
      c.verdict === "pass"
        ? `${c.name} passed`
        : `${c.name} ${c.verdict === "fail" ? "FAILED" : c.verdict} after ${elapsed(c.timings.elapsedMs)} (${c.cause ?? "?"}: ${c.detail})`,
    )
    .join(", ");
}

function elapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The version the environment's router answers with, as a user would ask (GET /version); null when none. */
export async function servedVersion(environment: DemoEnvironment): Promise<string | null> {
  try {
    const response = await fetch(`${environment.url}/version`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { version?: unknown };
    return response.ok && typeof body.version === "string" ? body.version : null;
  } catch {
    return null;
  }
}
