import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  GitHubDispatcher,
  mentionsId
} from "./chunk-KLX6FJQQ.js";
import "./chunk-423NZQEA.js";
import "./chunk-XD65SSXG.js";
import "./chunk-ROJF2CIG.js";
import "./chunk-YIKRADAN.js";
export {
  GitHubDispatcher,
  mentionsId
};
