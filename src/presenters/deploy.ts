/** How deploy, smoke and rollback results are shown: outputs, job summaries and CLI text. */
import type { DeployResult } from "../commands/deploy.ts";
import type { RollbackResult } from "../commands/rollback.ts";
import type { SmokeResult } from "../commands/smoke.ts";
import type { SmokeReport } from "../core/smoke/types.ts";
import { errorAnchor } from "../definitions/errors.ts";
import type { TimelineEntry } from "../steps/timeline.ts";
import { failedStepPhrase, type TrafficStepReport } from "../steps/traffic-steps.ts";
import type { GateFinding } from "../steps/verified-in.ts";
import { cell, table } from "./markdown.ts";
import { renderSmokeSummary, shownChecks } from "./smoke-summary.ts";

export function deployOutputs(r: DeployResult): Record<string, string> {
  return {
    "deployment-id": r.deploymentId,
    status: r.status,
    "smoke-verdict": r.smoke?.verdict ?? "",
    "smoke-report": r.smoke === null ? "" : JSON.stringify(r.smoke),
    "previous-good-version": r.previousGoodVersion ?? "",
    "rollback-url": r.rollback?.url ?? "",
    // Filled in when this run is part of a rollback incident (registry/announce.ts).
    incident: "",
  };
}

export function deployJson(r: DeployResult): Record<string, unknown> {
  return { ...r };
}

export function timelineTable(entries: TimelineEntry[]): string {
  return table(
    ["step", "at", "took", "detail"],
    entries.map((e) => [
      cell(e.step),
      `${(e.atMs / 1000).toFixed(1)} s`,
      `${(e.durationMs / 1000).toFixed(1)} s`,
      cell(e.detail),
    ]),
  );
}

export function deploySummary(r: DeployResult): string {
  if (r.status === "blocked") return blockedSummary(r);
  const icon = r.status === "success" ? "✅" : r.cancelled !== null ? "⏹️" : "❌";
  // A failed canary says where it stopped in its first line: the incident report starts here.
  const verb = r.cancelled === null ? "failed" : `cancelled by ${r.cancelled}`;
  const at = r.status === "success" ? "" : cell(failedStepPhrase(r).replace(/^ at/, `, ${verb} at`));
  const parts = [
    `### ${icon} shipguard deploy: ${cell(r.tag ?? r.version)} to ${cell(r.environment)}${at}`,
    "",
    cell(r.message),
    "",
    `Deployment #${cell(r.deploymentId)} of \`${r.sha.slice(0, 12)}\`; last known good before it: ${r.previousGoodVersion === null ? "none" : cell(r.previousGoodVersion)}.`,
  ];
  const gate = gateLine(r);
  if (gate !== null) parts.push("", gate);
  if (r.steps.length > 0) parts.push("", "#### Traffic steps", "", trafficTable(r));
  parts.push("", timelineTable(r.timeline));
  if (r.smoke !== null) parts.push("", renderSmokeSummary(r.smoke));
  return `${parts.join("\n")}\n`;
}

/** How the promotion gate let this deploy through: verified where it had to be, or forced. */
function gateLine(r: DeployResult): string | null {
  if (r.forced !== null) {
    return `⚠️ **Forced** past require-verified-in: not verified in ${cell(r.forced.missing.join(", "))}. Reason: ${cell(r.forced.reason)}`;
  }
  if (r.gate.length === 0) return null;
  return `Promoted: verified in ${r.gate.map((f) => `${cell(f.environment)} (#${cell(f.deploymentId ?? "")})`).join(", ")}.`;
}

/** The gate held: what each environment it names showed, and how to go on. */
function blockedSummary(r: DeployResult): string {
  const rows = r.gate.map((f) => [
    cell(f.environment),
    gateState(f.state),
    f.deploymentId ? `#${cell(f.deploymentId)}` : "–",
  ]);
  const parts = [
    `### 🛑 shipguard deploy: ${cell(r.tag ?? r.version)} to ${cell(r.environment)} blocked`,
    "",
    cell(r.message),
    "",
    table(["require-verified-in", "found", "deployment"], rows),
  ];
  if (r.blocked !== null) {
    parts.push(
      "",
      `Blocked by [\`${r.blocked.code}\`](README.md#${errorAnchor(r.blocked.code)}). Fix: ${cell(r.blocked.remedy)}`,
    );
  }
  return `${parts.join("\n")}\n`;
}

function gateState(state: GateFinding["state"]): string {
  return {
    verified: "✅ verified",
    "never-deployed": "never deployed there",
    "not-verified": "deployed, checks never passed",
    failed: "its newest deployment failed",
    "other-commit": "deployed as another tag or commit",
    "rolled-back-from": "rolled back from",
  }[state];
}

/** The canary's steps: each percentage, its verdict and checks; the revert after a failed one. */
export function trafficTable(r: DeployResult): string {
  const rows = r.steps.map((s) => [
    `${s.step} of ${s.of}`,
    `${s.percent}%`,
    s.verdict,
    cell(stepChecks(s)),
    seconds(s.durationMs),
  ]);
  if (r.trafficRevert !== null) {
    const revert = r.trafficRevert.ok ? "ok" : `FAILED: ${r.trafficRevert.failure ?? "no detail"}`;
    rows.push(["revert", "0%", cell(revert), "–", "–"]);
  }
  return table(["step", "percent", "verdict", "checks", "took"], rows);
}

/** "2 passed, 1 failed" for a step's checks; why there are none otherwise. */
export function stepChecks(s: TrafficStepReport): string {
  if (s.smoke === null) {
    if (s.verdict === "cancelled") return "not run (cancelled)";
    return s.verdict === "deploy-failed" ? "not run (the deploy failed)" : "none configured";
  }
  const { pass, fail, inconclusive } = s.smoke.counts;
  return `${pass} passed, ${fail} failed${inconclusive > 0 ? `, ${inconclusive} inconclusive` : ""}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function smokeOutputs(r: SmokeResult): Record<string, string> {
  return { verdict: r.verdict, report: JSON.stringify(r.report) };
}

export function smokeSummary(report: SmokeReport): string {
  return renderSmokeSummary(report);
}

export function smokeText(report: SmokeReport): string {
  const lines = shownChecks(report.checks).map(
    (c) =>
      `${c.verdict.padEnd(12)} ${c.name}${c.cause ? ` (${c.cause})` : ""}: ${c.detail} [${c.attempts} attempt(s)]`,
  );
  const hidden = report.checks.length - lines.length;
  if (hidden > 0) lines.push(`...and ${hidden} more checks (every check is in the JSON report)`);
  return `${lines.join("\n")}\nverdict: ${report.verdict}\n`;
}

export function deployText(r: DeployResult): string {
  const lines = [
    r.message,
    ...r.timeline.map(
      (e) => `  ${(e.atMs / 1000).toFixed(1).padStart(6)} s  ${e.step}${e.detail ? `: ${e.detail}` : ""}`,
    ),
  ];
  if (r.steps.length > 0) {
    lines.push("traffic steps:");
    for (const s of r.steps) {
      const head = `${s.step}/${s.of}`.padEnd(6) + `${s.percent}%`.padStart(5);
      lines.push(`  ${head}  ${s.verdict.padEnd(13)} ${stepChecks(s)}; took ${seconds(s.durationMs)}`);
      if (s.failure !== null) lines.push(`          ${s.failure}`);
    }
    const revert = r.trafficRevert;
    if (revert !== null)
      lines.push(`  revert to 0%: ${revert.ok ? "ok" : `FAILED: ${revert.failure ?? "no detail"}`}`);
  }
  if (r.smoke !== null) lines.push(smokeText(r.smoke).trimEnd());
  return `${lines.join("\n")}\n`;
}

export function rollbackOutputs(r: RollbackResult): Record<string, string> {
  return {
    "rolled-back-to": r.rolledBackTo?.version ?? "",
    "rolled-back-from": r.rolledBackFrom?.version ?? "",
    status: r.status,
    "deployment-id": r.deploymentId ?? "",
    incident: "",
  };
}

/** The incident report: what a maintainer pastes into the postmortem. */
export function rollbackSummary(r: RollbackResult): string {
  const icon =
    r.cancelled !== null ? "⏹️" : { success: "✅", skipped: "⏭️", blocked: "🛑", failure: "🚨" }[r.status];
  const rows = [
    ["Environment", cell(r.environment)],
    [
      "From",
      r.rolledBackFrom ? `${cell(r.rolledBackFrom.version)} (deployment #${cell(r.rolledBackFrom.id)})` : "–",
    ],
    [
      "To",
      r.rolledBackTo
        ? `${cell(r.rolledBackTo.tag ?? r.rolledBackTo.version)} (\`${r.rolledBackTo.sha.slice(0, 12)}\`)`
        : "–",
    ],
    ["Reason", cell(r.reason)],
    ["Started by", cell(r.actor ?? "unknown")],
    ["What failed", cell(r.fromDescription ?? "–")],
    [
      "Migrations",
      cell(
        r.migrations.files.length > 0
          ? `${r.migrations.detail}: ${r.migrations.files.join(", ")}`
          : r.migrations.detail,
      ),
    ],
    [
      "Result",
      `${r.status}${r.cancelled === null ? "" : ` (cancelled by ${r.cancelled})`}${r.deploymentId ? ` (deployment #${cell(r.deploymentId)})` : ""}`,
    ],
  ];
  if (r.tookOver !== null) {
    rows.push([
      "Took over",
      `rollback #${cell(r.tookOver.id)} to ${cell(r.tookOver.version)}, ${r.tookOver.was === "cancelled" ? "cancelled before it finished" : "interrupted (still in progress)"}`,
    ]);
  }
  if (r.blocked !== null) {
    rows.push(
      ["Blocked by", `[\`${r.blocked.code}\`](README.md#${errorAnchor(r.blocked.code)})`],
      ["Fix", cell(r.blocked.remedy)],
    );
  }
  const parts = [
    `### ${icon} Incident report: rollback of ${cell(r.environment)}${r.status === "blocked" ? " blocked" : ""}`,
    "",
    cell(r.message),
    "",
    table(["", ""], rows),
    "",
    "#### Timeline",
    "",
    timelineTable(r.timeline),
  ];
  if (r.smoke !== null) parts.push("", renderSmokeSummary(r.smoke));
  return `${parts.join("\n")}\n`;
}

export function rollbackText(r: RollbackResult): string {
  const lines = [
    r.message,
    `  environment: ${r.environment}`,
    `  from: ${r.rolledBackFrom?.version ?? "-"}  to: ${r.rolledBackTo?.version ?? "-"}  reason: ${r.reason}`,
    `  migrations: ${r.migrations.detail}`,
    ...(r.blocked === null ? [] : [`  blocked: ${r.blocked.code}`, `  fix: ${r.blocked.remedy}`]),
    ...r.timeline.map(
      (e) => `  ${(e.atMs / 1000).toFixed(1).padStart(6)} s  ${e.step}${e.detail ? `: ${e.detail}` : ""}`,
    ),
  ];
  if (r.smoke !== null) lines.push(smokeText(r.smoke).trimEnd());
  return `${lines.join("\n")}\n`;
}
