import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-QEPGMCJ5.js";
import "./chunk-HOUCTRAW.js";
import "./chunk-XILQOYBE.js";
import "./chunk-ROJF2CIG.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath
};
