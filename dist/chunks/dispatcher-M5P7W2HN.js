import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  GitHubDispatcher,
  mentionsId
} from "./chunk-E3K4SR6M.js";
import "./chunk-XD65SSXG.js";
import "./chunk-QPZJY2WV.js";
import "./chunk-YNWRZZCG.js";
import "./chunk-YIKRADAN.js";
export {
  GitHubDispatcher,
  mentionsId
};
