import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-B47OWTK7.js";
import "./chunk-MY2HSZ6H.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-XD65SSXG.js";
import "./chunk-6IT2EKBT.js";
import "./chunk-A5QYGNMP.js";
export {
  LocalLedger,
  defaultLedgerPath
};
