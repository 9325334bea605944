import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-ELDN42KY.js";
import "./chunk-N6YMK22I.js";
import "./chunk-YNWRZZCG.js";
import "./chunk-YIKRADAN.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
