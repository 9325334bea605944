import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  GitHubForge
} from "./chunk-6YYYJ52C.js";
import "./chunk-FCLKK4PL.js";
import "./chunk-UVROX66Z.js";
import "./chunk-YIKRADAN.js";
export {
  GitHubForge
};
