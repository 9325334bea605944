import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  COMMAND_REGISTRY,
  execute,
  isCommandName
} from "./chunk-CKZO5HCS.js";
import "./chunk-UKFBPNET.js";
import "./chunk-UJELUC2K.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-QNSM54YF.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-2DVYPI74.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-7YRN6QMY.js";
import "./chunk-A5QYGNMP.js";
export {
  COMMAND_REGISTRY,
  execute,
  isCommandName
};
