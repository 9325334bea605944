import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  runShell
} from "./chunk-VUGAB5JH.js";
import "./chunk-YIKRADAN.js";
export {
  runShell
};
