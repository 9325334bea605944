import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  eventContext,
  register
} from "./chunk-TJUSELP2.js";
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  inWindow,
  readMetricsSettings,
  sinceOf,
  windowDays
} from "./chunk-CT5YCGQG.js";
import {
  EVENT_SCHEMA
} from "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ZMIH3YQE.js";
import {
  invalidInput,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/core/metrics/lead-time.ts
function leadTimeRanges(judged, window) {
  const ranges = [];
  const earlier = /* @__PURE__ */ new Map();
  for (const d of judged) {
    if (!d.successful || d.successAt === null) continue;
    const before = earlier.get(d.key) ?? [];
    const from = before.at(-1);
    if (d.kind === "deploy" && from !== void 0 && inWindow(d.createdAt, window)) {
      const exclude = [from, ...new Set(before.filter((sha) => sha !== from))];
      ranges.push({ id: d.id, key: d.key, to: d.sha, from, exclude, successAt: d.successAt });
    }
    earlier.set(d.key, [...before.filter((sha) => sha !== d.sha), d.sha]);
  }
  return ranges;
}
function leadTimesOf(ranges, readings) {
  const out = /* @__PURE__ */ new Map();
  const counted = /* @__PURE__ */ new Set();
  for (const range of ranges) {
    const reading = readings.get(range.id);
    const entry = { seconds: [], missing: 0 };
    out.set(range.id, entry);
    if (reading === void 0) continue;
    if ("missing" in reading) {
      const key = `${range.key}
${range.to}`;
      if (!counted.has(key)) entry.missing++;
      counted.add(key);
      continue;
    }
    for (const commit of reading.commits) {
      const key = `${range.key}
${commit.sha}`;
      if (counted.has(key)) continue;
      counted.add(key);
      entry.seconds.push(Math.round((range.successAt - commit.committedAt * 1e3) / 1e3));
    }
  }
  return out;
}

// src/core/metrics/outcomes.ts
function environmentKey(name) {
  return name.toLowerCase();
}
function judgeDeployments(deployments, until) {
  const end = until.getTime();
  const known = deployments.map((d, index) => ({ ...d, index, createdAt: Date.parse(d.record.createdAt) })).filter((d) => Number.isFinite(d.createdAt) && d.createdAt < end).sort((a, b) => a.createdAt - b.createdAt || a.index - b.index);
  const rolledBackAt = firstRollbacks(known.map((d) => ({ record: d.record, createdAt: d.createdAt })));
  return known.map(({ record, statuses, createdAt }) => {
    const seen = statuses.map((s) => ({ state: s.state, at: Date.parse(s.createdAt) })).filter((s) => Number.isFinite(s.at) && s.at < end);
    const successAt = seen.find((s) => s.state === "success")?.at ?? null;
    const endedFailedAt = failureStatusAt(seen);
    const rollbackAt = rolledBackAt.get(rollbackLink(record.environment, record.id)) ?? null;
    const failedBy = endedFailedAt !== null ? "status" : successAt !== null && rollbackAt !== null ? "rollback" : null;
    const failed = failedBy !== null;
    return {
      id: record.id,
      key: environmentKey(record.environment),
      environment: record.environment,
      kind: record.payload.kind,
      version: record.payload.version,
      sha: record.payload.sha,
      createdAt,
      successAt,
      failureAt: failureTime(failedBy, endedFailedAt, rollbackAt),
      failedBy,
      successful: successAt !== null,
      failed,
      concluded: successAt !== null || failed,
      inProgress: successAt === null && !failed
    };
  });
}
function failureTime(failedBy, statusAt, rollbackAt) {
  if (failedBy === "rollback") return rollbackAt;
  if (failedBy !== "status" || statusAt === null) return null;
  return rollbackAt !== null && rollbackAt < statusAt ? rollbackAt : statusAt;
}
function failureStatusAt(statuses) {
  let at = null;
  let last = null;
  for (const status of statuses) {
    if (status.state === "success") at = null;
    else if ((status.state === "failure" || status.state === "error") && at === null) at = status.at;
    if (status.state === "success" || status.state === "failure" || status.state === "error")
      last = status.state;
  }
  return last === "failure" || last === "error" ? at : null;
}
function rollbackLink(environment, id) {
  return `${environmentKey(environment)}
${id}`;
}
function firstRollbacks(records) {
  const first = /* @__PURE__ */ new Map();
  for (const { record, createdAt } of records) {
    const from = record.payload.rolledBackFrom;
    if (record.payload.kind !== "rollback" || from === null) continue;
    const link = rollbackLink(record.environment, from.id);
    if (!first.has(link)) first.set(link, createdAt);
  }
  return first;
}

// src/core/metrics/statistics.ts
function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
function p90(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1] ?? null;
}
function secondsBetween(fromMs, toMs) {
  return Math.round((toMs - fromMs) / 1e3);
}
function durationStats(seconds) {
  const middle = median(seconds);
  return { median: middle === null ? null : Math.round(middle), p90: p90(seconds) };
}
function rate(numerator, denominator) {
  return denominator === 0 ? null : numerator / denominator;
}

// src/core/metrics/recovery.ts
function recoveriesOf(judged) {
  const byFailure = /* @__PURE__ */ new Map();
  const rework = new Set(judged.filter((d) => d.kind === "rollback").map((d) => d.id));
  for (const failure of judged) {
    if (failure.kind !== "deploy" || failure.failureAt === null) continue;
    const from = failure.failureAt;
    const recovery = judged.find((d) => d.id !== failure.id && d.createdAt >= from && d.successAt !== null);
    const end = recovery?.createdAt ?? Number.POSITIVE_INFINITY;
    for (const d of judged) {
      if (d.kind === "deploy" && d.id !== failure.id && d.createdAt >= from && d.createdAt <= end)
        rework.add(d.id);
    }
    if (recovery !== void 0 && recovery.successAt !== null) {
      byFailure.set(failure.id, { by: recovery.id, seconds: secondsBetween(from, recovery.successAt) });
    }
  }
  return { byFailure, rework };
}

// src/core/metrics/tiers.ts
var HOUR = 3600;
var DAY = 24 * HOUR;
function frequencyTier(perDay) {
  if (perDay > 1) return "elite";
  if (perDay * 7 >= 1) return "high";
  if (perDay * 30 >= 1) return "medium";
  return "low";
}
function leadTimeTier(medianSeconds) {
  if (medianSeconds === null) return null;
  if (medianSeconds < DAY) return "elite";
  if (medianSeconds < 7 * DAY) return "high";
  if (medianSeconds < 30 * DAY) return "medium";
  return "low";
}
function failureRateTier(rate2) {
  if (rate2 === null) return null;
  if (rate2 <= 0.075) return "elite";
  if (rate2 <= 0.15) return "medium";
  if (rate2 <= 0.3) return "high";
  return "low";
}
function recoveryTier(medianSeconds) {
  if (medianSeconds === null) return null;
  if (medianSeconds < HOUR) return "elite";
  if (medianSeconds < DAY) return "high";
  return "low";
}

// src/core/metrics/report.ts
var METRICS_SCHEMA = "shipguard.metrics/v1";
function environmentMetrics(input, window, recoveryTargetSeconds) {
  const inside = input.judged.filter((d) => inWindow(d.createdAt, window));
  const deploys = inside.filter((d) => d.kind === "deploy");
  const successful = deploys.filter((d) => d.successful);
  const days = new Set(successful.map((d) => new Date(d.createdAt).toISOString().slice(0, 10))).size;
  const perDay = successful.length / windowDays(window);
  const leadSeconds = inside.flatMap((d) => input.leadTimes.get(d.id)?.seconds ?? []);
  const missing = inside.reduce((sum, d) => sum + (input.leadTimes.get(d.id)?.missing ?? 0), 0);
  const lead = durationStats(leadSeconds);
  const failed = deploys.filter((d) => d.failed).length;
  const concludedDeploys = deploys.filter((d) => d.concluded).length;
  const failureRate = rate(failed, concludedDeploys);
  const { byFailure, rework } = recoveriesOf(input.judged);
  const windowRecoveries = deploys.filter((d) => d.failed).map((d) => byFailure.get(d.id) ?? null);
  const recovered = windowRecoveries.filter((r) => r !== null);
  const recoverySeconds = recovered.map((r) => r.seconds);
  const recovery = durationStats(recoverySeconds);
  const concluded = inside.filter((d) => d.concluded);
  const reworked = concluded.filter((d) => rework.has(d.id)).length;
  const metrics = {
    deploymentFrequency: {
      deploys: successful.length,
      days,
      perDay,
      perWeek: successful.length * 7 / windowDays(window),
      tier: frequencyTier(perDay)
    },
    leadTime: {
      commits: leadSeconds.length,
      missing,
      medianSeconds: lead.median,
      p90Seconds: lead.p90,
      tier: leadTimeTier(lead.median)
    },
    changeFailureRate: {
      failed,
      concluded: concludedDeploys,
      rate: failureRate,
      tier: failureRateTier(failureRate)
    },
    recoveryTime: {
      recoveries: recovered.length,
      unrecovered: windowRecoveries.length - recovered.length,
      medianSeconds: recovery.median,
      p90Seconds: recovery.p90,
      withinTarget: recoveryTargetSeconds === null ? null : rate(recoverySeconds.filter((s) => s <= recoveryTargetSeconds).length, recovered.length),
      tier: recoveryTier(recovery.median)
    },
    reworkRate: { rework: reworked, deployments: concluded.length, rate: rate(reworked, concluded.length) },
    inProgress: inside.filter((d) => d.inProgress).map((d) => d.id)
  };
  const rows = inside.map(
    (d) => rowOf(d, byFailure.get(d.id) ?? null, rework.has(d.id), input.leadTimes.get(d.id))
  );
  return { metrics, rows };
}
function rowOf(d, recovery, rework, lead) {
  return {
    environment: d.environment,
    id: d.id,
    kind: d.kind,
    version: d.version,
    sha: d.sha,
    createdAt: d.createdAt,
    successAt: d.successAt,
    outcome: d.failedBy === "rollback" ? "rolled-back-from" : d.failed ? "failure" : d.successful ? "success" : "in-progress",
    failureAt: d.failureAt,
    recoveredBy: recovery?.by ?? null,
    recoverySeconds: recovery?.seconds ?? null,
    rework: rework && d.concluded,
    leadTimeCommits: lead?.seconds.length ?? 0,
    leadTimeMissing: lead?.missing ?? 0,
    leadTimeSeconds: lead?.seconds ?? []
  };
}

// src/core/metrics/index.ts
function knownEnvironments(judged) {
  const names = /* @__PURE__ */ new Map();
  for (const d of judged) if (!names.has(d.key)) names.set(d.key, d.environment);
  return [...names.values()];
}
function buildMetrics(input) {
  const leadTimes = leadTimesOf(input.ranges, input.readings);
  const known = knownEnvironments(input.judged);
  const wanted = input.environment === null ? null : environmentKey(input.environment);
  const json = {
    schema: METRICS_SCHEMA,
    since: input.window.since.toISOString(),
    until: input.window.until.toISOString(),
    recoveryTargetSeconds: input.recoveryTargetSeconds,
    environments: {}
  };
  const rows = [];
  const empty = [];
  for (const name of known) {
    const key = environmentKey(name);
    if (wanted !== null && key !== wanted) continue;
    const judged = input.judged.filter((d) => d.key === key);
    const result = environmentMetrics({ judged, leadTimes }, input.window, input.recoveryTargetSeconds);
    if (result.rows.length === 0) {
      empty.push(name);
      continue;
    }
    json.environments[name] = result.metrics;
    rows.push(...result.rows.map((row) => ({ ...row, environment: name })));
  }
  return { json, rows, known, empty };
}

// src/commands/metrics.ts
async function runMetricsCommand(settings, ports, now) {
  const window = windowOf(settings, now);
  const { ledger, git, logger } = ports;
  const records = await ledger.allDeployments(settings.environment, window.until);
  const judged = judgeDeployments(records, window.until).filter(
    (d) => settings.environment === null || d.key === environmentKey(settings.environment)
  );
  if (settings.environment !== null && judged.length === 0) {
    const everything = judgeDeployments(await ledger.allDeployments(null, window.until), window.until);
    throw shipguardError("SG_METRICS_ENVIRONMENT_UNKNOWN", {
      environment: settings.environment,
      known: knownEnvironments(everything),
      ledger: ledger.describe,
      until: window.until.toISOString()
    });
  }
  const ranges = leadTimeRanges(judged, window);
  const readings = await readRanges(git, ranges, logger);
  const report = buildMetrics({
    judged,
    window,
    environment: settings.environment,
    recoveryTargetSeconds: settings.recoveryTargetSeconds,
    ranges,
    readings
  });
  return {
    report,
    window,
    environment: settings.environment,
    ledger: ledger.describe,
    recoveryTargetSeconds: settings.recoveryTargetSeconds
  };
}
var MAX_WINDOW_DAYS = 3653;
function windowOf(settings, now) {
  const until = settings.until ?? now;
  const since = sinceOf(settings.since, until);
  const start = since?.getTime() ?? Number.NaN;
  if (since === null || start >= until.getTime()) {
    throw invalidInput(
      "since",
      settings.since,
      `Expected a start before \`until\` (${until.toISOString()}).`,
      "Give `since` as a duration (`30d`) or a date before `until`, or move `until` later."
    );
  }
  if (Number.isNaN(start) || until.getTime() - start > MAX_WINDOW_DAYS * 864e5) {
    throw invalidInput(
      "since",
      settings.since,
      `Expected a window of at most ten years (${MAX_WINDOW_DAYS} days) before \`until\` (${until.toISOString()}).`,
      "Report a shorter window, or several windows one after another (`since` and `until`)."
    );
  }
  return { since, until };
}
async function readRanges(git, ranges, logger) {
  const readings = /* @__PURE__ */ new Map();
  if (ranges.length === 0) return readings;
  const absent = new Set(await git.missingCommits(ranges.flatMap((r) => [r.to, ...r.exclude])));
  for (const range of ranges) {
    if (absent.has(range.to) || absent.has(range.from)) {
      const which = absent.has(range.to) ? range.to : range.from;
      logger.warning(
        `Lead time: commit ${which} is not in the local history, so the commits of deployment ${range.id} are counted as missing. Fetch the full history (actions/checkout with fetch-depth: 0) to count them.`
      );
      readings.set(range.id, { missing: true });
      continue;
    }
    const exclude = range.exclude.filter((sha) => !absent.has(sha));
    readings.set(range.id, { commits: await git.datedCommits(range.to, exclude) });
  }
  return readings;
}

// src/presenters/metrics-format.ts
function duration(seconds) {
  if (seconds === null) return "\u2013";
  const sign = seconds < 0 ? "-" : "";
  let left = Math.abs(seconds);
  const days = Math.floor(left / 86400);
  left -= days * 86400;
  const hours = Math.floor(left / 3600);
  left -= hours * 3600;
  const minutes = Math.floor(left / 60);
  const secs = left - minutes * 60;
  const pair = (a, aUnit, b, bUnit) => `${sign}${a}${aUnit}${b === 0 ? "" : ` ${b}${bUnit}`}`;
  if (days > 0) return pair(days, "d", hours, "h");
  if (hours > 0) return pair(hours, "h", minutes, "m");
  if (minutes > 0) return pair(minutes, "m", secs, "s");
  return `${sign}${secs}s`;
}
function chartUnit(maxSeconds) {
  if (maxSeconds >= 3 * 86400) return { name: "Days", seconds: 86400 };
  if (maxSeconds >= 2 * 3600) return { name: "Hours", seconds: 3600 };
  return { name: "Minutes", seconds: 60 };
}
function inUnit(seconds, unit) {
  return Math.round(seconds / unit.seconds * 10) / 10;
}
function percent(rate2) {
  if (rate2 === null) return "\u2013";
  return `${Math.round(rate2 * 1e3) / 10}%`;
}
function perPeriod(value) {
  return `${Math.round(value * 100) / 100}`;
}
function tierText(tier) {
  return tier ?? "\u2013";
}
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

// src/presenters/metrics.ts
function metricsOutputs(json) {
  return { metrics: JSON.stringify(json) };
}
function metricsMessage(result) {
  const names = Object.keys(result.report.json.environments);
  const window = `from ${result.window.since.toISOString()} to ${result.window.until.toISOString()}`;
  if (names.length === 0) {
    const where = result.environment === null ? "" : ` in ${result.environment}`;
    return `No deployments${where} ${window}.`;
  }
  return `Delivery metrics of ${names.join(", ")} ${window}.`;
}
function metricLines(m, targetSeconds) {
  const f = m.deploymentFrequency;
  const l = m.leadTime;
  const c = m.changeFailureRate;
  const r = m.recoveryTime;
  const w = m.reworkRate;
  const missing = l.missing > 0 ? ` (${l.missing} missing from the local history)` : "";
  const target = targetSeconds === null || r.withinTarget === null ? "" : `, ${percent(r.withinTarget)} within ${duration(targetSeconds)}`;
  return [
    [
      "Deployment frequency",
      `${plural(f.deploys, "deploy")} on ${plural(f.days, "day")}: ${perPeriod(f.perDay)}/day, ${perPeriod(f.perWeek)}/week`,
      f.tier
    ],
    [
      "Lead time for changes",
      `${plural(l.commits, "commit")}${missing}: median ${duration(l.medianSeconds)}, p90 ${duration(l.p90Seconds)}`,
      tierText(l.tier)
    ],
    [
      "Change failure rate",
      `${c.failed} of ${plural(c.concluded, "concluded deploy")}: ${percent(c.rate)}`,
      tierText(c.tier)
    ],
    [
      "Recovery time",
      `${plural(r.recoveries, "recovery", "recoveries")}, ${r.unrecovered} unrecovered: median ${duration(r.medianSeconds)}, p90 ${duration(r.p90Seconds)}${target}`,
      tierText(r.tier)
    ],
    [
      "Rework rate",
      `${w.rework} of ${plural(w.deployments, "concluded deployment")}: ${percent(w.rate)}`,
      // DORA's 2024 report gives rework rate no bands.
      "\u2013"
    ]
  ];
}
function metricsText(result) {
  const { json, empty } = result.report;
  const lines = [metricsMessage(result), `Records: ${result.ledger}.`];
  for (const [name, m] of Object.entries(json.environments)) {
    lines.push("", name);
    const rows = metricLines(m, result.recoveryTargetSeconds);
    const width = Math.max(...rows.map(([metric]) => metric.length));
    const valueWidth = Math.max(...rows.map(([, value]) => value.length));
    for (const [metric, value, tier] of rows) {
      lines.push(`  ${metric.padEnd(width)}  ${value.padEnd(valueWidth)}  ${tier}`.trimEnd());
    }
    if (m.inProgress.length > 0) lines.push(`  In progress (counted nowhere): ${m.inProgress.join(", ")}`);
  }
  for (const name of empty) lines.push("", `${name}: no deployments in the window.`);
  return `${lines.join("\n")}
`;
}

// src/presenters/metrics-csv.ts
var HEADER = [
  "environment",
  "id",
  "kind",
  "version",
  "sha",
  "created_at",
  "success_at",
  "outcome",
  "failure_at",
  "recovered_by",
  "recovery_seconds",
  "rework",
  "lead_time_commits",
  "lead_time_missing",
  "lead_time_median_seconds"
];
function metricsCsv(rows) {
  const lines = [HEADER.join(",")];
  for (const row of rows) {
    const middle = median(row.leadTimeSeconds);
    lines.push(
      [
        text(row.environment),
        text(row.id),
        row.kind,
        text(row.version),
        text(row.sha),
        instant(row.createdAt),
        instant(row.successAt),
        row.outcome,
        instant(row.failureAt),
        text(row.recoveredBy ?? ""),
        row.recoverySeconds === null ? "" : String(row.recoverySeconds),
        row.rework ? "true" : "false",
        String(row.leadTimeCommits),
        String(row.leadTimeMissing),
        middle === null ? "" : String(Math.round(middle))
      ].join(",")
    );
  }
  return `${lines.join("\n")}
`;
}
function instant(ms) {
  return ms === null ? "" : new Date(ms).toISOString();
}
function text(value) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

// src/presenters/metrics-event.ts
function metricsEvent(result, c) {
  const { json } = result.report;
  const names = Object.keys(json.environments);
  const deploys = Object.values(json.environments).reduce(
    (sum, env) => sum + env.deploymentFrequency.deploys,
    0
  );
  const span = `${day(result.window.since)} to ${day(result.window.until)}`;
  const where = names.length === 1 ? `in ${names[0]}` : `in ${names.length} environments`;
  const headline = names.length === 0 ? `${c.repository} delivery metrics, ${span}: no deployments` : `${c.repository} delivery metrics, ${span}: ${plural(deploys, "deploy")} ${where}`;
  const environments = Object.entries(json.environments).map(([name, env]) => ({
    name,
    facts: metricLines(env, json.recoveryTargetSeconds).map(([title, value, tier]) => ({
      title,
      value: tier === "\u2013" ? value : `${value} (${tier})`
    }))
  }));
  return {
    schema: EVENT_SCHEMA,
    event: "metrics",
    repository: c.repository,
    environment: result.environment ?? (names.length === 1 ? names[0] ?? null : null),
    version: null,
    previousVersion: null,
    status: names.length === 0 ? "no deployments" : "reported",
    headline,
    failedChecks: [],
    reason: null,
    startedBy: c.actor,
    runUrl: c.runUrl,
    correlationId: null,
    links: [],
    at: c.at,
    metrics: { report: json, environments }
  };
}
function day(date) {
  return date.toISOString().slice(0, 10);
}

// src/presenters/metrics-summary.ts
var WEEK_MS = 7 * 864e5;
var MAX_FAILURE_BARS = 30;
function metricsSummary(result) {
  const parts = ["## Delivery metrics", "", `${metricsMessage(result)} Records: ${cell(result.ledger)}.`];
  const { json, rows, empty } = result.report;
  for (const [name, m] of Object.entries(json.environments)) {
    parts.push("", `### ${cell(name)}`, "");
    const lines = metricLines(m, result.recoveryTargetSeconds).map(([metric, value, tier]) => [
      metric,
      cell(value),
      tier
    ]);
    parts.push(table(["Metric", "Value", "DORA 2024 tier"], lines));
    if (m.inProgress.length > 0) {
      parts.push(
        "",
        `In progress (counted nowhere): ${m.inProgress.map((id) => `\`${cell(id)}\``).join(", ")}`
      );
    }
    const own = rows.filter((r) => r.environment.toLowerCase() === name.toLowerCase());
    parts.push("", ...metricsCharts(name, own, result.window));
  }
  if (empty.length > 0) parts.push("", `No deployments in the window: ${empty.map(cell).join(", ")}.`);
  return `${parts.join("\n")}
`;
}
function metricsCharts(environment, rows, window) {
  const weeks = weekStarts(window);
  const label = plain(environment);
  const deploys = weeks.map(() => 0);
  const leadTimes = weeks.map(() => []);
  for (const row of rows) {
    const week = Math.floor((row.createdAt - window.since.getTime()) / WEEK_MS);
    if (row.kind === "deploy" && row.successAt !== null) deploys[week] = (deploys[week] ?? 0) + 1;
    leadTimes[week]?.push(...row.leadTimeSeconds);
  }
  const charts = [chart(`Deploys per week, ${label}`, weeks.map(day2), "Deploys", "bar", deploys)];
  const withLead = weeks.flatMap((start, index) => {
    const middle = median(leadTimes[index] ?? []);
    return middle === null ? [] : [{ start, seconds: middle }];
  });
  if (withLead.length > 0) {
    const unit = chartUnit(Math.max(...withLead.map((w) => w.seconds)));
    charts.push(
      chart(
        `Median lead time per week, ${label}`,
        withLead.map((w) => day2(w.start)),
        unit.name,
        "line",
        withLead.map((w) => inUnit(w.seconds, unit))
      )
    );
  }
  const failures = rows.filter((r) => r.failureAt !== null && r.kind === "deploy").slice(-MAX_FAILURE_BARS);
  if (failures.length > 0) {
    const seconds = failures.map(
      (f) => f.recoverySeconds ?? (window.until.getTime() - (f.failureAt ?? 0)) / 1e3
    );
    const unit = chartUnit(Math.max(...seconds));
    const names = failures.map((f) => `${plain(f.version)}${f.recoverySeconds === null ? " open" : ""}`);
    charts.push(
      chart(
        `Failures and their recovery time, ${label}`,
        names,
        `${unit.name} to recover`,
        "bar",
        seconds.map((s) => inUnit(s, unit))
      ),
      "Each bar is a failed deploy of the window and the time to its recovery; an `open` one had not recovered by the window's end, and its bar runs to that end."
    );
  }
  return charts.flatMap((block, index) => index === 0 ? [block] : ["", block]);
}
function chart(title, labels, axis, kind, values) {
  const top = Math.max(1, ...values);
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${plain(title)}"`,
    `    x-axis [${labels.map((l) => `"${plain(l)}"`).join(", ")}]`,
    `    y-axis "${plain(axis)}" 0 --> ${Math.ceil(top)}`,
    `    ${kind} [${values.join(", ")}]`,
    "```"
  ].join("\n");
}
function weekStarts(window) {
  const starts = [];
  for (let at = window.since.getTime(); at < window.until.getTime(); at += WEEK_MS) starts.push(at);
  return starts;
}
function day2(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function plain(text2) {
  return text2.replace(/[^\p{L}\p{N} .,:+_-]/gu, "").slice(0, 60) || "-";
}

// src/registry/commands/metrics.ts
var metricsCommand = register({
  read: readMetricsSettings,
  async run(settings, root) {
    const repoDir = root.repoDir(settings.workingDirectory);
    const github = await root.github(settings.repository, "metrics");
    const ledger = await root.ledger(github, repoDir, settings.ledgerFile, { existing: true });
    const ports = { ledger, git: root.git(settings.workingDirectory), logger: root.context.logger };
    return runMetricsCommand(settings, ports, /* @__PURE__ */ new Date());
  },
  present(result, settings) {
    const message = metricsMessage(result);
    const csv = settings.format === "csv";
    return {
      ok: true,
      message,
      problem: null,
      outputs: metricsOutputs(result.report.json),
      summary: metricsSummary(result),
      // With --format csv the table goes to stdout and this sentence to stderr.
      text: csv ? `${message}
` : metricsText(result),
      ...csv ? { document: metricsCsv(result.report.rows) } : {},
      json: result.report.json
    };
  },
  // The weekly digest: with notify-url, the `metrics` event in the webhooks' format.
  announce: (result, settings, root) => ({
    notify: settings.notify,
    events: [metricsEvent(result, eventContext(root, settings, null))],
    incident: null,
    where: settings
  })
});
export {
  metricsCommand
};
