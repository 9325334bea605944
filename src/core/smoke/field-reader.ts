import { type ShipguardError, shipguardError } from "../../errors.ts";
import { editDistance } from "../edit-distance.ts";
import type { MapEntry, MapNode, TreeNode } from "./yaml-tree.ts";

/** Where a value sits, for messages: `checks.yml: line 7: check "health"`. */
export interface Place {
  source: string;
  /** `settings` or `check "health"`. */
  owner: string;
}

/** A value in the checks breaks a rule: `problem` says which, `fix` how to mend it (SG_CHECKS_INVALID). */
export function placeError(
  place: Place,
  line: number,
  problem: string,
  fix: string,
  key?: string,
): ShipguardError {
  return shipguardError("SG_CHECKS_INVALID", {
    ...place,
    line,
    problem,
    fix,
    ...(key === undefined ? {} : { key }),
  });
}

/**
 * Reads the keys of one YAML mapping with their types checked. `finish()` rejects every key that
 * no reader asked for, so a typo (`stauts:`) is an error instead of a silently skipped check.
 */
export class FieldReader {
  readonly map: MapNode;
  readonly place: Place;
  private readonly entries: Map<string, MapEntry>;
  private readonly read = new Set<string>();

  constructor(map: MapNode, place: Place) {
    this.map = map;
    this.place = place;
    this.entries = new Map(map.entries.map((entry) => [entry.key, entry]));
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The raw node of a key (marks it as known). */
  node(key: string): MapEntry | undefined {
    this.read.add(key);
    return this.entries.get(key);
  }

  error(key: string, message: string, remedy: string): ShipguardError {
    const line = this.entries.get(key)?.line ?? this.map.line;
    return placeError(this.place, line, message, remedy, key);
  }

  string(key: string): string | undefined {
    const entry = this.node(key);
    if (entry === undefined) return undefined;
    const node = entry.value;
    if (node.kind !== "scalar" || typeof node.value !== "string") {
      throw this.error(key, `must be text, got ${describeNode(node)}`, `Write \`${key}\` as text; quote it.`);
    }
    return node.value;
  }

  requiredString(key: string, what: string): string {
    const value = this.string(key);
    if (value === undefined || value.trim() === "") {
      throw this.error(key, "is missing or empty", `Add \`${key}:\` with ${what}.`);
    }
    return value;
  }

  /** Text, or a list of texts (`body-contains: ok` or `body-contains: [ok, ready]`). */
  stringList(key: string): string[] | undefined {
    const entry = this.node(key);
    if (entry === undefined) return undefined;
    const node = entry.value;
    const items = node.kind === "seq" ? node.items : [node];
    return items.map((item) => {
      if (item.kind !== "scalar" || typeof item.value !== "string" || item.value === "") {
        throw this.error(
          key,
          `must be text or a list of texts, got ${describeNode(item)}`,
          `Quote each value of \`${key}\`.`,
        );
      }
      return item.value;
    });
  }

  boolean(key: string): boolean | undefined {
    const entry = this.node(key);
    if (entry === undefined) return undefined;
    const node = entry.value;
    if (node.kind !== "scalar" || typeof node.value !== "boolean") {
      throw this.error(
        key,
        `must be true or false, got ${describeNode(node)}`,
        `Write \`${key}: true\` or \`${key}: false\`.`,
      );
    }
    return node.value;
  }

  number(key: string, rule: NumberRule): number | undefined {
    const entry = this.node(key);
    if (entry === undefined) return undefined;
    return checkNumber(entry.value, rule, (message) => this.error(key, message, numberRemedy(key, rule)));
  }

  /** Keys of a nested `key: value` mapping whose values are text (headers). */
  stringMap(key: string): Record<string, string> | undefined {
    const entry = this.node(key);
    if (entry === undefined) return undefined;
    const node = entry.value;
    if (node.kind !== "map") {
      throw this.error(
        key,
        `must be a mapping of names to values, got ${describeNode(node)}`,
        `Write \`${key}:\` with one \`Name: value\` a line below it.`,
      );
    }
    const result: Record<string, string> = {};
    for (const item of node.entries) {
      if (item.value.kind !== "scalar" || typeof item.value.value !== "string") {
        throw placeError(
          this.place,
          item.line,
          `\`${key}.${item.key}\` must be text, got ${describeNode(item.value)}`,
          `Quote the value: ${item.key}: "${item.value.kind === "scalar" ? String(item.value.value) : "..."}"`,
        );
      }
      Object.defineProperty(result, item.key, {
        value: item.value.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }

  /** Rejects keys nobody read, naming the closest known key. */
  finish(allowed: readonly string[], kindLabel: string): void {
    for (const entry of this.map.entries) {
      if (this.read.has(entry.key)) continue;
      throw shipguardError("SG_CHECKS_UNKNOWN_KEY", {
        ...this.place,
        line: entry.line,
        key: entry.key,
        allowed,
        of: kindLabel,
        suggestion: suggestKey(entry.key, allowed),
      });
    }
  }
}

export interface NumberRule {
  integer: boolean;
  min: number;
  max: number;
  /** Words for the remedy: "a duration in milliseconds". */
  what: string;
}

export function checkNumber(node: TreeNode, rule: NumberRule, fail: (message: string) => Error): number {
  if (node.kind !== "scalar" || typeof node.value !== "number" || !Number.isFinite(node.value)) {
    throw fail(`must be a number, got ${describeNode(node)}`);
  }
  const value = node.value;
  if (rule.integer && !Number.isInteger(value)) throw fail(`must be a whole number, got ${value}`);
  if (value < rule.min || value > rule.max)
    throw fail(`must be between ${rule.min} and ${rule.max}, got ${value}`);
  return value;
}

function numberRemedy(key: string, rule: NumberRule): string {
  return `Set \`${key}\` to ${rule.what} (${rule.integer ? "a whole number " : ""}from ${rule.min} to ${rule.max}).`;
}

export function describeNode(node: TreeNode): string {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a list";
  if (node.value === null) return "nothing";
  return `${typeof node.value} ${JSON.stringify(node.value)}`;
}

/** The known key a typo most likely meant: `timeout` -> `timeout-ms`, `bodyContains` -> `body-contains`. */
export function suggestKey(key: string, allowed: readonly string[]): string | null {
  const kebab = key
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    .replace(/_/g, "-")
    .toLowerCase();
  for (const candidate of [kebab, `${kebab}-ms`]) {
    if (candidate !== key && allowed.includes(candidate)) return candidate;
  }
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const distance = editDistance(kebab, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
