import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-JMOETEU4.js";
import "./chunk-4MDWBGPG.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-KDY75MUL.js";
import "./chunk-W4CJRQLD.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-IBAEMWP6.js";
import "./chunk-YAYRVYX3.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-CBWRE5I2.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-TP3S34VV.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
