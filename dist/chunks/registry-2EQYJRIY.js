import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  COMMAND_REGISTRY,
  execute,
  isCommandName
} from "./chunk-ORGPA7DB.js";
import "./chunk-UKFBPNET.js";
import "./chunk-6EISG4HK.js";
import "./chunk-RJ6OJS2X.js";
import "./chunk-DRFFNYML.js";
import "./chunk-QNSM54YF.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-2DVYPI74.js";
import "./chunk-ECTPGKCW.js";
import "./chunk-YFF7JLRY.js";
import "./chunk-A5QYGNMP.js";
export {
  COMMAND_REGISTRY,
  execute,
  isCommandName
};
