import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-WT253352.js";
import "./chunk-4UEII6OA.js";
import "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath
};
