import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  COMMAND_REGISTRY,
  execute,
  isCommandName
} from "./chunk-LK657VT6.js";
import "./chunk-32H4JKIA.js";
import "./chunk-CT5YCGQG.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-QNSM54YF.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-2DVYPI74.js";
import "./chunk-ZMIH3YQE.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";
export {
  COMMAND_REGISTRY,
  execute,
  isCommandName
};
