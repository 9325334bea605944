import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-JMWQSUYT.js";
import "./chunk-AUU7WO2U.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-EHMJICGZ.js";
import "./chunk-DYZTXKQ4.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-34RD3KBX.js";
import "./chunk-LKOA2KIW.js";
import "./chunk-MFXHZQZ4.js";
import "./chunk-LIFHXL2O.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-HIMVVHIX.js";
import "./chunk-A5QYGNMP.js";
export {
  rollBack,
  rollbackCommand
};
