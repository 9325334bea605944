import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  GitHubDispatcher,
  mentionsId
} from "./chunk-S6PKFWRH.js";
import "./chunk-XD65SSXG.js";
import "./chunk-BUG4UH3F.js";
import "./chunk-6SO7P6MI.js";
import "./chunk-YIKRADAN.js";
export {
  GitHubDispatcher,
  mentionsId
};
