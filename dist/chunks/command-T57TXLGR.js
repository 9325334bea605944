import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  targetEnvironment
} from "./chunk-LYGUENMR.js";
import {
  runShell
} from "./chunk-TUETDWCH.js";
import "./chunk-M67JO2IA.js";
import "./chunk-QNSM54YF.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-XD65SSXG.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/deployers/command.ts
var CommandDeployer = class {
  constructor(options) {
    this.options = options;
  }
  options;
  strategy = "command";
  prepare(target, signal) {
    const command = this.options.prepareCommand ?? "";
    if (command.trim() === "") return Promise.resolve(success([]));
    this.options.logger.info(
      `Preparing ${target.version} with the prepare-command; the current version keeps serving.`
    );
    return this.run("prepare-command", command, target, signal);
  }
  deploy(target, signal) {
    const share = target.trafficPercent === void 0 ? "" : target.trafficPercent === 0 ? " (0%: all traffic back to the stable version)" : ` (${target.trafficPercent}% of the traffic)`;
    this.options.logger.info(
      `Deploying ${target.version} to ${target.environment} with the deploy-command${share}.`
    );
    return this.run("deploy-command", this.options.command, target, signal);
  }
  async run(label, command, target, signal) {
    const { logger } = this.options;
    const result = await runShell({
      label,
      command,
      cwd: this.options.cwd,
      env: { ...this.options.env, ...targetEnvironment(target) },
      timeoutMs: this.options.timeoutMs ?? 15 * 6e4,
      killGraceMs: this.options.killGraceMs,
      signal,
      // The output may echo commit text or anything the command fetched: never a workflow command.
      onOutput: (text) => logger.untrusted(text)
    });
    if (result.failure !== null) {
      logger.warning(`${result.failure}.`);
      return { ok: false, failure: result.failure, logTail: result.tail, runUrl: null };
    }
    logger.info(`${label} finished in ${result.durationMs} ms.`);
    return success(result.tail);
  }
};
function success(logTail) {
  return { ok: true, failure: null, logTail, runUrl: null };
}
export {
  CommandDeployer
};
