import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  formatMs
} from "./chunk-PBNCQUHE.js";
import {
  failedStepPhrase
} from "./chunk-XHKHA6W7.js";
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  errorAnchor
} from "./chunk-LVXDY2BW.js";

// src/presenters/smoke-summary.ts
var MARK = { pass: "\u2705 pass", fail: "\u274C fail", inconclusive: "\u26A0\uFE0F inconclusive" };
function renderSmokeSummary(report) {
  const { pass, fail, inconclusive } = report.counts;
  const lines = [
    `### Smoke checks: ${MARK[report.verdict]}`,
    "",
    `${pass} passed, ${fail} failed, ${inconclusive} inconclusive in ${formatMs(report.durationMs)} (deadline ${formatMs(report.deadlineMs)}).`,
    "",
    "| Check | Kind | Verdict | Cause | Attempts | Time | Detail |",
    "| --- | --- | --- | --- | ---: | ---: | --- |",
    ...shownChecks(report.checks).map(row)
  ];
  const hidden = report.checks.length - MAX_ROWS;
  if (hidden > 0) {
    lines.push("", `\u2026and ${hidden} more checks, not shown here (every check is in the \`report\` output).`);
  }
  return `${lines.join("\n")}
`;
}
var MAX_ROWS = 100;
function shownChecks(checks) {
  if (checks.length <= MAX_ROWS) return checks;
  const bad = checks.filter((check) => check.verdict !== "pass");
  const good = checks.filter((check) => check.verdict === "pass");
  return [...bad, ...good].slice(0, MAX_ROWS);
}
function row(check) {
  const cells = [
    check.name.length > 200 ? `${check.name.slice(0, 200)}...` : check.name,
    check.kind,
    MARK[check.verdict],
    check.cause ?? "",
    String(check.attempts),
    formatMs(check.timings.elapsedMs),
    check.detail.length > 300 ? `${check.detail.slice(0, 300)}...` : check.detail
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

// src/presenters/deploy.ts
function deployOutputs(r) {
  return {
    "deployment-id": r.deploymentId,
    status: r.status,
    "smoke-verdict": r.smoke?.verdict ?? "",
    "smoke-report": r.smoke === null ? "" : JSON.stringify(r.smoke),
    "previous-good-version": r.previousGoodVersion ?? "",
    "rollback-url": r.rollback?.url ?? "",
    // Filled in when this run is part of a rollback incident (registry/announce.ts).
    incident: ""
  };
}
function timelineTable(entries) {
  return table(
    ["step", "at", "took", "detail"],
    entries.map((e) => [
      cell(e.step),
      `${(e.atMs / 1e3).toFixed(1)} s`,
      `${(e.durationMs / 1e3).toFixed(1)} s`,
      cell(e.detail)
    ])
  );
}
function deploySummary(r) {
  if (r.status === "blocked") return blockedSummary(r);
  const icon = r.status === "success" ? "\u2705" : r.cancelled !== null ? "\u23F9\uFE0F" : "\u274C";
  const verb = r.cancelled === null ? "failed" : `cancelled by ${r.cancelled}`;
  const at = r.status === "success" ? "" : cell(failedStepPhrase(r).replace(/^ at/, `, ${verb} at`));
  const parts = [
    `### ${icon} shipguard deploy: ${cell(r.tag ?? r.version)} to ${cell(r.environment)}${at}`,
    "",
    cell(r.message),
    "",
    `Deployment #${cell(r.deploymentId)} of \`${r.sha.slice(0, 12)}\`; last known good before it: ${r.previousGoodVersion === null ? "none" : cell(r.previousGoodVersion)}.`
  ];
  const gate = gateLine(r);
  if (gate !== null) parts.push("", gate);
  if (r.steps.length > 0) parts.push("", "#### Traffic steps", "", trafficTable(r));
  parts.push("", timelineTable(r.timeline));
  if (r.smoke !== null) parts.push("", renderSmokeSummary(r.smoke));
  return `${parts.join("\n")}
`;
}
function gateLine(r) {
  if (r.forced !== null) {
    return `\u26A0\uFE0F **Forced** past require-verified-in: not verified in ${cell(r.forced.missing.join(", "))}. Reason: ${cell(r.forced.reason)}`;
  }
  if (r.gate.length === 0) return null;
  return `Promoted: verified in ${r.gate.map((f) => `${cell(f.environment)} (#${cell(f.deploymentId ?? "")})`).join(", ")}.`;
}
function blockedSummary(r) {
  const rows = r.gate.map((f) => [
    cell(f.environment),
    gateState(f.state),
    f.deploymentId ? `#${cell(f.deploymentId)}` : "\u2013"
  ]);
  const parts = [
    `### \u{1F6D1} shipguard deploy: ${cell(r.tag ?? r.version)} to ${cell(r.environment)} blocked`,
    "",
    cell(r.message),
    "",
    table(["require-verified-in", "found", "deployment"], rows)
  ];
  if (r.blocked !== null) {
    parts.push(
      "",
      `Blocked by [\`${r.blocked.code}\`](README.md#${errorAnchor(r.blocked.code)}). Fix: ${cell(r.blocked.remedy)}`
    );
  }
  return `${parts.join("\n")}
`;
}
function gateState(state) {
  return {
    verified: "\u2705 verified",
    "never-deployed": "never deployed there",
    "not-verified": "deployed, checks never passed",
    failed: "its newest deployment failed",
    "other-commit": "deployed as another tag or commit",
    "rolled-back-from": "rolled back from"
  }[state];
}
function trafficTable(r) {
  const rows = r.steps.map((s) => [
    `${s.step} of ${s.of}`,
    `${s.percent}%`,
    s.verdict,
    cell(stepChecks(s)),
    seconds(s.durationMs)
  ]);
  if (r.trafficRevert !== null) {
    const revert = r.trafficRevert.ok ? "ok" : `FAILED: ${r.trafficRevert.failure ?? "no detail"}`;
    rows.push(["revert", "0%", cell(revert), "\u2013", "\u2013"]);
  }
  return table(["step", "percent", "verdict", "checks", "took"], rows);
}
function stepChecks(s) {
  if (s.smoke === null) {
    if (s.verdict === "cancelled") return "not run (cancelled)";
    return s.verdict === "deploy-failed" ? "not run (the deploy failed)" : "none configured";
  }
  const { pass, fail, inconclusive } = s.smoke.counts;
  return `${pass} passed, ${fail} failed${inconclusive > 0 ? `, ${inconclusive} inconclusive` : ""}`;
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}
function smokeOutputs(r) {
  return { verdict: r.verdict, report: JSON.stringify(r.report) };
}
function smokeSummary(report) {
  return renderSmokeSummary(report);
}
function smokeText(report) {
  const lines = shownChecks(report.checks).map(
    (c) => `${c.verdict.padEnd(12)} ${c.name}${c.cause ? ` (${c.cause})` : ""}: ${c.detail} [${c.attempts} attempt(s)]`
  );
  const hidden = report.checks.length - lines.length;
  if (hidden > 0) lines.push(`...and ${hidden} more checks (every check is in the JSON report)`);
  return `${lines.join("\n")}
verdict: ${report.verdict}
`;
}
function deployText(r) {
  const lines = [
    r.message,
    ...r.timeline.map(
      (e) => `  ${(e.atMs / 1e3).toFixed(1).padStart(6)} s  ${e.step}${e.detail ? `: ${e.detail}` : ""}`
    )
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
  return `${lines.join("\n")}
`;
}
function rollbackOutputs(r) {
  return {
    "rolled-back-to": r.rolledBackTo?.version ?? "",
    "rolled-back-from": r.rolledBackFrom?.version ?? "",
    status: r.status,
    "deployment-id": r.deploymentId ?? "",
    incident: ""
  };
}
function rollbackSummary(r) {
  const icon = r.cancelled !== null ? "\u23F9\uFE0F" : { success: "\u2705", skipped: "\u23ED\uFE0F", blocked: "\u{1F6D1}", failure: "\u{1F6A8}" }[r.status];
  const rows = [
    ["Environment", cell(r.environment)],
    [
      "From",
      r.rolledBackFrom ? `${cell(r.rolledBackFrom.version)} (deployment #${cell(r.rolledBackFrom.id)})` : "\u2013"
    ],
    [
      "To",
      r.rolledBackTo ? `${cell(r.rolledBackTo.tag ?? r.rolledBackTo.version)} (\`${r.rolledBackTo.sha.slice(0, 12)}\`)` : "\u2013"
    ],
    ["Reason", cell(r.reason)],
    ["Started by", cell(r.actor ?? "unknown")],
    ["What failed", cell(r.fromDescription ?? "\u2013")],
    [
      "Migrations",
      cell(
        r.migrations.files.length > 0 ? `${r.migrations.detail}: ${r.migrations.files.join(", ")}` : r.migrations.detail
      )
    ],
    [
      "Result",
      `${r.status}${r.cancelled === null ? "" : ` (cancelled by ${r.cancelled})`}${r.deploymentId ? ` (deployment #${cell(r.deploymentId)})` : ""}`
    ]
  ];
  if (r.tookOver !== null) {
    rows.push([
      "Took over",
      `rollback #${cell(r.tookOver.id)} to ${cell(r.tookOver.version)}, ${r.tookOver.was === "cancelled" ? "cancelled before it finished" : "interrupted (still in progress)"}`
    ]);
  }
  if (r.blocked !== null) {
    rows.push(
      ["Blocked by", `[\`${r.blocked.code}\`](README.md#${errorAnchor(r.blocked.code)})`],
      ["Fix", cell(r.blocked.remedy)]
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
    timelineTable(r.timeline)
  ];
  if (r.smoke !== null) parts.push("", renderSmokeSummary(r.smoke));
  return `${parts.join("\n")}
`;
}
function rollbackText(r) {
  const lines = [
    r.message,
    `  environment: ${r.environment}`,
    `  from: ${r.rolledBackFrom?.version ?? "-"}  to: ${r.rolledBackTo?.version ?? "-"}  reason: ${r.reason}`,
    `  migrations: ${r.migrations.detail}`,
    ...r.blocked === null ? [] : [`  blocked: ${r.blocked.code}`, `  fix: ${r.blocked.remedy}`],
    ...r.timeline.map(
      (e) => `  ${(e.atMs / 1e3).toFixed(1).padStart(6)} s  ${e.step}${e.detail ? `: ${e.detail}` : ""}`
    )
  ];
  if (r.smoke !== null) lines.push(smokeText(r.smoke).trimEnd());
  return `${lines.join("\n")}
`;
}

export {
  deployOutputs,
  deploySummary,
  smokeOutputs,
  smokeSummary,
  smokeText,
  deployText,
  rollbackOutputs,
  rollbackSummary,
  rollbackText
};
