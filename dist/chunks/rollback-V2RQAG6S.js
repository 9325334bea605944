import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-WYWTYNOE.js";
import "./chunk-NFJSNHQ3.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-YTQVD4HF.js";
import "./chunk-YAOCWJIZ.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-ASJLFNOI.js";
import "./chunk-EUYTWEI2.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-LYGUENMR.js";
import "./chunk-247VEKFP.js";
import "./chunk-SAQUPTMN.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ST7FDLZW.js";
import "./chunk-NPSWBCF6.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
