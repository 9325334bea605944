import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/run-title.ts
function mentionsId(text, id) {
  const isIdChar = (c) => c !== void 0 && /[A-Za-z0-9_-]/.test(c);
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
    if (!isIdChar(text[at - 1]) && !isIdChar(text[at + id.length])) return true;
  }
  return false;
}

export {
  mentionsId
};
