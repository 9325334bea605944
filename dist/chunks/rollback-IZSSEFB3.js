import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-PZRR7CWP.js";
import "./chunk-NVMXD6MM.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-U2ITSVGA.js";
import "./chunk-VC7TJFDH.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-7T3RXKRW.js";
import "./chunk-IAOOBCQW.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-6EISG4HK.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-YFF7JLRY.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
