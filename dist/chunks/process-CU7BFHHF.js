import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runShell
} from "./chunk-XQHO7VWB.js";
import "./chunk-IZ7NW5XN.js";
import "./chunk-WUQGZDLE.js";
import "./chunk-LOL6UNQF.js";
import "./chunk-P2F454IK.js";
import "./chunk-XD65SSXG.js";
import "./chunk-YIKRADAN.js";
export {
  runShell
};
