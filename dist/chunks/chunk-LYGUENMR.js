import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/ports.ts
function targetEnvironment(target) {
  return {
    SHIPGUARD_VERSION: target.version,
    SHIPGUARD_TAG: target.tag ?? "",
    SHIPGUARD_SHA: target.sha,
    SHIPGUARD_ENVIRONMENT: target.environment,
    SHIPGUARD_PREVIOUS_VERSION: target.previousVersion ?? "",
    SHIPGUARD_KIND: target.kind,
    SHIPGUARD_CORRELATION_ID: target.correlationId,
    // Only in a traffic step: a plain deploy's command never sees the variable.
    ...target.trafficPercent === void 0 ? {} : { SHIPGUARD_TRAFFIC_PERCENT: String(target.trafficPercent) }
  };
}

export {
  targetEnvironment
};
