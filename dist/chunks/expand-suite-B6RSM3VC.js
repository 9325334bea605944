import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-TOFISHUN.js";
import "./chunk-UXLO34IE.js";
import "./chunk-6SO7P6MI.js";
import "./chunk-YIKRADAN.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
