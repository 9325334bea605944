import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-AFCR4HEB.js";
import "./chunk-VOYKF7CA.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-G3K3U5BP.js";
import "./chunk-62WIVZSA.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-QQXMFPCM.js";
import "./chunk-3XHNFM44.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-6TZL5QDE.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-6IT2EKBT.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
