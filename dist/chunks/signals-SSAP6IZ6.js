import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  CLEANUP_MARGIN_MS,
  RUNNER_SIGINT_GRACE_MS,
  RUNNER_SIGTERM_GRACE_MS,
  listenForSignals,
  processCancellation
} from "./chunk-QJMK73ZL.js";
import "./chunk-A5QYGNMP.js";
export {
  CLEANUP_MARGIN_MS,
  RUNNER_SIGINT_GRACE_MS,
  RUNNER_SIGTERM_GRACE_MS,
  listenForSignals,
  processCancellation
};
