import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  createClient
} from "./chunk-P7C4QW7V.js";
import "./chunk-YIKRADAN.js";
export {
  createClient
};
