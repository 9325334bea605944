import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  expandSuite,
  maskSecrets,
  secretValues
} from "./chunk-FCWS2JZJ.js";
import "./chunk-IVUW745C.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  expandSuite,
  maskSecrets,
  secretValues
};
