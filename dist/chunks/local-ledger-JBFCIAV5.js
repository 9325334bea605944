import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath
} from "./chunk-CJYFDOML.js";
import "./chunk-HOUCTRAW.js";
import "./chunk-XILQOYBE.js";
import "./chunk-V6RBHUD2.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath
};
