import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-ZYG42RLN.js";
import "./chunk-MAKP72VR.js";
import "./chunk-JXOKNZIK.js";
import "./chunk-YIKRADAN.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
