import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-C3J2NM6T.js";
import "./chunk-OZB34KSV.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
