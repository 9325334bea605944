import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-SDZ6CVAO.js";
import "./chunk-KQY5BWQA.js";
import "./chunk-64X7TAC7.js";
import "./chunk-KJ6TM24D.js";
import "./chunk-M53H5H6E.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-7TWCJKUJ.js";
import "./chunk-JL54CWAN.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-XILQOYBE.js";
import "./chunk-YNWRZZCG.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
