import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/printable.ts
var BIDI_CONTROLS = "\\u202a-\\u202e\\u2066-\\u2069";
var REMOVED = new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI_CONTROLS}]`, "g");
var CONTROL = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f${BIDI_CONTROLS}]`);
function printable(text) {
  return text.replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, "").replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\x1b[ -~]?/g, "").replace(REMOVED, "");
}
function hasControlCharacter(text) {
  return CONTROL.test(text);
}

export {
  printable,
  hasControlCharacter
};
