import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-IWZLMEVO.js";
import "./chunk-HWV437PF.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-HIMVVHIX.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
