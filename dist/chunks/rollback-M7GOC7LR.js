import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  rollBack,
  rollbackCommand
} from "./chunk-FR7J74BZ.js";
import "./chunk-IG52KHPB.js";
import "./chunk-64X7TAC7.js";
import "./chunk-4CLY7DDP.js";
import "./chunk-FEGRNFBW.js";
import "./chunk-7TWCJKUJ.js";
import "./chunk-7BFIPQB6.js";
import "./chunk-7FY53ZM3.js";
import "./chunk-P2F454IK.js";
import "./chunk-XILQOYBE.js";
import "./chunk-ROJF2CIG.js";
import "./chunk-YIKRADAN.js";
export {
  rollBack,
  rollbackCommand
};
