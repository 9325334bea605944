import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  LocalLedger,
  defaultLedgerPath,
  makeFolder
} from "./chunk-4YMKU65Y.js";
import "./chunk-4KWSOP4I.js";
import "./chunk-XILQOYBE.js";
import "./chunk-XD65SSXG.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  LocalLedger,
  defaultLedgerPath,
  makeFolder
};
