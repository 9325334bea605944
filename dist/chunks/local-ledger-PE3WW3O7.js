import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-XLT3BVWN.js";
import "./chunk-4UEII6OA.js";
import "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import "./chunk-6SO7P6MI.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath
};
