import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  failedStepPhrase
} from "./chunk-XHKHA6W7.js";
import {
  MAX_CAUSE_CHARS,
  oneLine
} from "./chunk-ZIQYW4XS.js";
import {
  cleanTitle
} from "./chunk-K5BSJCEJ.js";
import {
  EVENT_SCHEMA
} from "./chunk-RJ6OJS2X.js";

// src/presenters/events.ts
function releaseEvents(r, c) {
  if (!r.released || !r.madeNow || r.dryRun || r.superseded || r.version.version === null) return [];
  const shown = r.version.tag ?? r.version.version;
  const links = r.release === null ? [] : [{ label: "Release notes", url: r.release.url }];
  return [
    event(c, {
      event: "released",
      environment: null,
      version: r.version.version,
      previousVersion: r.version.previousVersion,
      status: "success",
      headline: `${c.repository} ${shown} released`,
      reason: r.version.reason,
      links
    })
  ];
}
function deployEvents(r, c) {
  if (r.duplicate) return [];
  const shown = r.tag ?? r.version;
  const env = r.environment;
  if (r.status === "blocked") {
    return [
      event(c, {
        event: "blocked",
        environment: env,
        version: r.version,
        previousVersion: null,
        correlationId: r.correlationId,
        status: "blocked",
        headline: `${env}: ${shown} blocked by require-verified-in`,
        reason: r.message
      })
    ];
  }
  const base = {
    environment: env,
    version: r.version,
    previousVersion: r.previousGoodVersion,
    correlationId: r.correlationId
  };
  if (r.cancelled !== null) {
    return [
      event(c, {
        ...base,
        event: "cancelled",
        status: "failure",
        headline: `${env}: deploy of ${shown} ${r.failure ?? `cancelled by ${r.cancelled}`}`,
        failedChecks: [],
        reason: r.message,
        links: environmentLink(c)
      })
    ];
  }
  if (r.status === "success") {
    const was = r.previousGoodVersion === null ? "" : ` (was ${r.previousGoodVersion})`;
    return [
      event(c, {
        ...base,
        event: "deployed",
        status: "success",
        headline: `${env}: ${shown} deployed and verified${was}`,
        failedChecks: [],
        links: environmentLink(c)
      })
    ];
  }
  const what = `${r.smoke?.verdict === "fail" ? failedChecksPhrase(r.smoke) : "failed to deploy"}${failedStepPhrase(r)}`;
  const events = [
    event(c, {
      ...base,
      event: "verify-failed",
      status: "failure",
      headline: `${env}: ${shown} ${what}; ${rollbackPhrase(r)}`,
      failedChecks: failedChecks(r.smoke),
      reason: r.failure,
      links: r.rollback?.url ? [{ label: "Rollback run", url: r.rollback.url }] : []
    })
  ];
  const rollback = r.rollback;
  if (rollback !== null && rollback.status !== "started") {
    const name = rollbackEvent(rollback);
    events.push(
      event(c, {
        event: name,
        environment: env,
        correlationId: r.correlationId,
        version: rollback.toVersion,
        previousVersion: r.version,
        status: rollback.status,
        headline: rollbackHeadline(name, env, r.version, rollback.toVersion, rollback.detail),
        reason: r.failure,
        startedBy: "shipguard (automatic)",
        links: environmentLink(c)
      })
    );
  }
  return events;
}
function rollbackEvents(r, c, suffix) {
  if (r.status === "skipped") return [];
  const name = rollbackEvent(r);
  const to = r.rolledBackTo?.version ?? null;
  const from = r.rolledBackFrom?.version ?? null;
  const detail = r.blocked === null ? r.message : `${r.blocked.code}: ${r.blocked.message}`;
  return [
    event(c, {
      event: name,
      environment: r.environment,
      correlationId: incidentId(r.correlationId, suffix),
      version: to,
      previousVersion: from,
      status: r.status,
      headline: rollbackHeadline(name, r.environment, from, to, detail),
      failedChecks: failedChecks(r.smoke),
      reason: r.reason,
      startedBy: r.actor ?? c.actor,
      links: environmentLink(c)
    })
  ];
}
function deployIncident(r) {
  if (r.duplicate || r.status === "success" || r.rollback === null) return null;
  const event2 = r.rollback.status === "started" ? "verify-failed" : rollbackEvent(r.rollback);
  return {
    id: r.correlationId,
    event: event2,
    title: incidentTitle(r.environment, r.tag ?? r.version, r.rollback.toVersion)
  };
}
function rollbackIncident(r, suffix) {
  if (r.status === "skipped") return null;
  const id = incidentId(r.correlationId, suffix);
  if (r.status === "success" && id === r.correlationId) return null;
  return {
    id,
    event: rollbackEvent(r),
    title: incidentTitle(
      r.environment,
      r.rolledBackFrom?.version ?? "the current version",
      r.rolledBackTo?.version ?? "the last known good version"
    )
  };
}
function incidentId(correlationId, suffix) {
  const automatic = correlationId.endsWith(suffix) && correlationId.length > suffix.length;
  return automatic ? correlationId.slice(0, -suffix.length) : correlationId;
}
function incidentTitle(environment, from, to) {
  return cleanTitle(`Rollback in ${environment}: ${from} \u2192 ${to}`);
}
function rollbackEvent(r) {
  if (r.status === "success") return "rolled-back";
  if (r.cancelled) return "cancelled";
  return r.status === "blocked" ? "blocked" : "rollback-failed";
}
function rollbackHeadline(name, env, from, to, detail) {
  const fromTo = `${from === null ? "" : ` from ${from}`}${to === null ? "" : ` to ${to}`}`;
  if (name === "rolled-back") return `${env}: rolled back${fromTo}, verified`;
  if (name === "cancelled")
    return `${env}: rollback${fromTo} cancelled, a person is needed: ${oneLine2(detail)}`;
  if (name === "blocked") return `${env}: rollback${fromTo} blocked: ${oneLine2(detail)}`;
  return `${env}: rollback${fromTo} FAILED, a person is needed: ${oneLine2(detail)}`;
}
function rollbackPhrase(r) {
  if (r.rollback === null) {
    return r.previousGoodVersion === null ? "no earlier good version to roll back to" : "not rolled back (on-failure: none)";
  }
  return r.rollback.status === "started" ? `rolling back to ${r.rollback.toVersion}` : `rollback to ${r.rollback.toVersion}: ${r.rollback.status}`;
}
function failedChecksPhrase(report) {
  return `failed its checks (${report.counts.fail} of ${report.checks.length} failed)`;
}
function failedChecks(report) {
  if (report === null) return [];
  return report.checks.filter((check) => check.verdict === "fail").map((check) => ({
    name: oneLine2(check.name),
    cause: oneLine2(check.cause === null ? check.detail : `${check.cause}: ${check.detail}`)
  }));
}
function environmentLink(c) {
  return c.environmentUrl === null ? [] : [{ label: "Environment", url: c.environmentUrl }];
}
function oneLine2(text) {
  return oneLine(text, MAX_CAUSE_CHARS);
}
function event(c, f) {
  return {
    schema: EVENT_SCHEMA,
    repository: c.repository,
    runUrl: c.runUrl,
    correlationId: null,
    at: c.at,
    failedChecks: [],
    reason: null,
    startedBy: c.actor,
    links: [],
    ...f,
    headline: oneLine2(f.headline)
  };
}

export {
  releaseEvents,
  deployEvents,
  rollbackEvents,
  deployIncident,
  rollbackIncident
};
