import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-X2AOQQZJ.js";
import "./chunk-4UEII6OA.js";
import "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import "./chunk-ROJF2CIG.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath
};
