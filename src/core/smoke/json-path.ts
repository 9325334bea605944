import type { JsonPath } from "./types.ts";

/**
 * Reads a field path: a JSON pointer (`/build/sha`, RFC 6901, for keys holding dots) or dot
 * notation (`build.sha`, `items.0.id`). Returns null for an empty or malformed path.
 */
export function parseJsonPath(text: string): JsonPath | null {
  if (text.startsWith("/")) {
    const raw = text.slice(1).split("/");
    const segments: string[] = [];
    for (const segment of raw) {
      // `~` must be followed by 0 or 1 in a pointer; anything else is a typo worth reporting.
      if (/~(?![01])/.test(segment)) return null;
      segments.push(segment.replace(/~1/g, "/").replace(/~0/g, "~"));
    }
    return { text, segments };
  }
  if (text === "") return null;
  const segments = text.split(".");
  if (segments.some((segment) => segment === "")) return null;
  return { text, segments };
}

export type JsonLookup = { found: true; value: unknown } | { found: false; missingAt: string };

/** Follows a path through parsed JSON; array segments must be decimal indexes. */
export function lookupJson(document: unknown, path: JsonPath): JsonLookup {
  let current: unknown = document;
  const walked: string[] = [];
  for (const segment of path.segments) {
    walked.push(segment);
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment) || Number(segment) >= current.length) {
        return { found: false, missingAt: walked.join(".") };
      }
      current = current[Number(segment)];
    } else if (current !== null && typeof current === "object" && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false, missingAt: walked.join(".") };
    }
  }
  return { found: true, value: current };
}

/** Deep equality of JSON values; types must match (the string "2" is not the number 2). */
export function jsonEquals(a: unknown, b: unknown): boolean {
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
    (key) =>
      Object.hasOwn(b, key) &&
      jsonEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
