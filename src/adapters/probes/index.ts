export { createCommandProbe } from "./command-probe.ts";
export { createHttpProbe } from "./http-probe.ts";
export { createPrometheusProbe } from "./prometheus-probe.ts";
export { type AttemptEvent, type RunSmokeOptions, runSmoke } from "./run-smoke.ts";
export { systemClock } from "./system-clock.ts";
