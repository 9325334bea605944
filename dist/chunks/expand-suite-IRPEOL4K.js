import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-23RMLINS.js";
import "./chunk-TKNJOK7K.js";
import "./chunk-YJXSVN4L.js";
import "./chunk-TP3S34VV.js";
import "./chunk-A5QYGNMP.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
