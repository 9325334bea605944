import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-FMBUOH7A.js";
import "./chunk-N67G4QPI.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-7YRN6QMY.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
