import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runShell
} from "./chunk-KCRMT5FN.js";
import "./chunk-DDCYOTVN.js";
import "./chunk-XBWPUMO5.js";
import "./chunk-LOL6UNQF.js";
import "./chunk-P2F454IK.js";
import "./chunk-YIKRADAN.js";
export {
  runShell
};
