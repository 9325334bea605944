import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-V4SIOK6X.js";
import "./chunk-6UUCRF52.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ZMIH3YQE.js";
import "./chunk-XD65SSXG.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";
export {
  LocalLedger,
  defaultLedgerPath
};
