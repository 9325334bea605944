import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  createClient
} from "./chunk-JRK6DOYM.js";
import "./chunk-YIKRADAN.js";
export {
  createClient
};
