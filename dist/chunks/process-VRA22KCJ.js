import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runShell
} from "./chunk-CQE2UNAP.js";
import "./chunk-FFMQYQUI.js";
import "./chunk-P2F454IK.js";
import "./chunk-YIKRADAN.js";
export {
  runShell
};
