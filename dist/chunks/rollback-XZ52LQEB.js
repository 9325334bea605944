import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-QGNNAV4K.js";
import "./chunk-QA53PLJP.js";
import "./chunk-64X7TAC7.js";
import "./chunk-KJ6TM24D.js";
import "./chunk-DP6HA3BL.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-7TWCJKUJ.js";
import "./chunk-7U4ACUAI.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-XILQOYBE.js";
import "./chunk-6SO7P6MI.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
