import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/smoke/json-path.ts
function parseJsonPath(text) {
  if (text.startsWith("/")) {
    const raw = text.slice(1).split("/");
    const segments2 = [];
    for (const segment of raw) {
      if (/~(?![01])/.test(segment)) return null;
      segments2.push(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    }
    return { text, segments: segments2 };
  }
  if (text === "") return null;
  const segments = text.split(".");
  if (segments.some((segment) => segment === "")) return null;
  return { text, segments };
}
function lookupJson(document, path) {
  let current = document;
  const walked = [];
  for (const segment of path.segments) {
    walked.push(segment);
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment) || Number(segment) >= current.length) {
        return { found: false, missingAt: walked.join(".") };
      }
      current = current[Number(segment)];
    } else if (current !== null && typeof current === "object" && Object.hasOwn(current, segment)) {
      current = current[segment];
    } else {
      return { found: false, missingAt: walked.join(".") };
    }
  }
  return { found: true, value: current };
}
function jsonEquals(a, b) {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEquals(item, b[index]));
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key])
  );
}

export {
  parseJsonPath,
  lookupJson,
  jsonEquals
};
