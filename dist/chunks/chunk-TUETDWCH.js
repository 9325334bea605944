import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runProcess
} from "./chunk-M67JO2IA.js";

// src/adapters/deployers/process.ts
async function runShell(run) {
  const result = await runProcess({
    label: run.label,
    command: run.command,
    cwd: run.cwd,
    env: run.env,
    timeoutMs: run.timeoutMs,
    signal: run.signal,
    graceMs: run.killGraceMs,
    keepBackground: true,
    onOutput: run.onOutput,
    tailLines: run.tailLines
  });
  const durationMs = Math.round(result.durationMs);
  return { ...result, durationMs, failure: describeFailure(run, result) };
}
function describeFailure(run, result) {
  if (result.spawnError !== null) return `${run.label} could not start: ${result.spawnError}`;
  if (result.stopped === "timeout") {
    return `${run.label} did not finish within ${run.timeoutMs} ms: shipguard ended its whole process group`;
  }
  if (result.stopped !== null) return `${run.label} was stopped: the deploy was cancelled`;
  if (result.code === 0) return null;
  if (result.code !== null) return `${run.label} failed with exit code ${result.code}`;
  return `${run.label} was killed by ${result.signal ?? "a signal"}`;
}

export {
  runShell
};
