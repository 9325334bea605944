import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  createClient
} from "./chunk-UTRE3R25.js";
import "./chunk-YIKRADAN.js";
export {
  createClient
};
