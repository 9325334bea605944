import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-IIMZK32N.js";
import "./chunk-R3YSSB2O.js";
import "./chunk-4CLY7DDP.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-7TWCJKUJ.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-7UTOPR6J.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-BGFI5QV5.js";
import "./chunk-JXOKNZIK.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
