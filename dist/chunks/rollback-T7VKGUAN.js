import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-PC7OAEUA.js";
import "./chunk-OIMDDQFS.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-QTQPUWNB.js";
import "./chunk-ZJ4VTGRD.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-LRCPPUDX.js";
import "./chunk-CDSNE27X.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-UJELUC2K.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-7YRN6QMY.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
