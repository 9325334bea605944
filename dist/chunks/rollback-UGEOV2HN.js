import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-JKOU7C7K.js";
import "./chunk-IEKFVNHQ.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-TAF73WAP.js";
import "./chunk-R5MTJOJK.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-R73SLP3U.js";
import "./chunk-GC3PDHHA.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-J3MZ65AK.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-VNG3QYWL.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
