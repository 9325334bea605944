import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-3WELBJM5.js";
import "./chunk-V27Y3VNS.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-XD65SSXG.js";
import "./chunk-TP3S34VV.js";
import "./chunk-A5QYGNMP.js";
export {
  LocalLedger,
  defaultLedgerPath
};
