import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/printable.ts
function printable(text) {
  return text.replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, "").replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\x1b[ -~]?/g, "").replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, "");
}

export {
  printable
};
