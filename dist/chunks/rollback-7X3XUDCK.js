import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-ASWIKY7T.js";
import "./chunk-4N6HKRK5.js";
import "./chunk-7TWCJKUJ.js";
import "./chunk-4CLY7DDP.js";
import "./chunk-N4ARRKAN.js";
import "./chunk-PBNCQUHE.js";
import "./chunk-TNPEF4JF.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-BGFI5QV5.js";
import "./chunk-LU3IL76Q.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
