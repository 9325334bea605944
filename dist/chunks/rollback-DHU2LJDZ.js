import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-Z3GITO6K.js";
import "./chunk-ITOAPMEX.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-VM5Y2HXH.js";
import "./chunk-XHKHA6W7.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-K5BSJCEJ.js";
import "./chunk-TJUSELP2.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ZMIH3YQE.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
