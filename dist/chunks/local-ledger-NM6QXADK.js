import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-MMNNY3HV.js";
import "./chunk-LELIBJOO.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-XD65SSXG.js";
import "./chunk-HIMVVHIX.js";
import "./chunk-A5QYGNMP.js";
export {
  LocalLedger,
  defaultLedgerPath
};
