import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-D4DH25SX.js";
import "./chunk-NRB4FQOL.js";
import "./chunk-NPSWBCF6.js";
import "./chunk-YIKRADAN.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
