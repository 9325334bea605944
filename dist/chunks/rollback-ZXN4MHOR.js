import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-2VSVKBY7.js";
import "./chunk-ZOYSQPCT.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-XGTFV34X.js";
import "./chunk-BENM22OK.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-P52MCLNP.js";
import "./chunk-AGI4MFXK.js";
import "./chunk-BKXIQWA4.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-LYGUENMR.js";
import "./chunk-EXG5O2DU.js";
import "./chunk-Z36TIVJV.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-XILQOYBE.js";
import "./chunk-ZNQBISGV.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
