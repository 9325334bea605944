import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-KJ564ZIB.js";
import "./chunk-P7OYBEPF.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-ST7FDLZW.js";
import "./chunk-XD65SSXG.js";
import "./chunk-NPSWBCF6.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath
};
