import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-VU67XWRM.js";
import "./chunk-ELYAR6WV.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-XD65SSXG.js";
import "./chunk-YFF7JLRY.js";
import "./chunk-A5QYGNMP.js";
export {
  LocalLedger,
  defaultLedgerPath
};
