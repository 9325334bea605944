import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-4H3KXL3L.js";
import "./chunk-AYUZ7KTH.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-6IT2EKBT.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
