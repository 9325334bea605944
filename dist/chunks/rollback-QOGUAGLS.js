import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-U4DABI4W.js";
import "./chunk-56BKJHVG.js";
import "./chunk-64X7TAC7.js";
import "./chunk-JLNPBAW2.js";
import "./chunk-2PHRSBIZ.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-LYGUENMR.js";
import "./chunk-AE46GMZC.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-XILQOYBE.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
