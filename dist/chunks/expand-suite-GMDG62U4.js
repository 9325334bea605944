import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-25MTFZIH.js";
import "./chunk-3GPGLEH2.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-YFF7JLRY.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
