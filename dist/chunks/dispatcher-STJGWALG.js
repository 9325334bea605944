import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  GitHubDispatcher,
  mentionsId
} from "./chunk-GZKTTNC5.js";
import "./chunk-XD65SSXG.js";
import "./chunk-JWEAQR5V.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  GitHubDispatcher,
  mentionsId
};
