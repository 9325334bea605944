import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  cell,
  table
} from "./chunk-FEGRNFBW.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import "./chunk-YIKRADAN.js";
export {
  cell,
  printable,
  table
};
