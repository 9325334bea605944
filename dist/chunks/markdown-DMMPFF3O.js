import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  cell,
  printable,
  table
} from "./chunk-N4ARRKAN.js";
import "./chunk-YIKRADAN.js";
export {
  cell,
  printable,
  table
};
