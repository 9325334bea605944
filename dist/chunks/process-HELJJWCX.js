import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runShell
} from "./chunk-TUETDWCH.js";
import "./chunk-M67JO2IA.js";
import "./chunk-QNSM54YF.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-XD65SSXG.js";
import "./chunk-A5QYGNMP.js";
export {
  runShell
};
