import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-YZUCPQJ7.js";
import "./chunk-5JUSNBQK.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-XD65SSXG.js";
import "./chunk-7YRN6QMY.js";
import "./chunk-A5QYGNMP.js";
export {
  LocalLedger,
  defaultLedgerPath
};
