import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  GitHubDispatcher,
  mentionsId
} from "./chunk-EX6BTCNI.js";
import "./chunk-JWEAQR5V.js";
import "./chunk-XD65SSXG.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  GitHubDispatcher,
  mentionsId
};
