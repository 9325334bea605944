import { hasControlCharacter } from "../printable.ts";
import { FieldReader, type Place, placeError } from "./field-reader.ts";
import { COMMAND_KEYS, DEFAULT_COMMAND_TIMEOUT_MS, parseCommandFields } from "./parse-command-check.ts";
import { DEFAULT_HTTP_TIMEOUT_MS, HTTP_KEYS, parseHttpFields } from "./parse-http-check.ts";
import {
  DEFAULT_PROMETHEUS_TIMEOUT_MS,
  PROMETHEUS_KEYS,
  parsePrometheusFields,
} from "./parse-prometheus-check.ts";
import { parseSchedule, parseSettings, SCHEDULE_KEYS } from "./parse-settings.ts";
import type { Check, CheckKind, CheckSuite, SuiteSettings } from "./types.ts";
import { type MapNode, readYamlTree, type TreeNode } from "./yaml-tree.ts";

const COMMON_KEYS = ["name", "timeout-ms", ...SCHEDULE_KEYS] as const;
const KINDS: readonly CheckKind[] = ["http", "prometheus", "command"];

/** Every key a check of each kind accepts, common keys first. */
export const CHECK_KEYS: Readonly<Record<CheckKind, readonly string[]>> = {
  http: [...COMMON_KEYS, ...HTTP_KEYS],
  prometheus: [...COMMON_KEYS, ...PROMETHEUS_KEYS],
  command: [...COMMON_KEYS, ...COMMAND_KEYS],
};

const DEFAULT_TIMEOUTS: Record<CheckKind, number> = {
  http: DEFAULT_HTTP_TIMEOUT_MS,
  prometheus: DEFAULT_PROMETHEUS_TIMEOUT_MS,
  command: DEFAULT_COMMAND_TIMEOUT_MS,
};

const FORMAT_REMEDY =
  "Write `checks:` as a list of checks (each with `name:` and one of `http:`, `prometheus:`, `command:`), optionally with `settings:` beside it, or write the bare list.";

/**
 * Reads the checks YAML (the `checks` input or the file named by `checks-file`): either
 * `{ settings, checks }` or a bare list of checks. Every key and value is validated; the first
 * problem throws a ShipguardError naming the source, line, check and key, with the fix.
 * `${VAR}` stays unexpanded here: see `expandSuite`.
 */
export function parseChecks(yamlText: string, source: string): CheckSuite {
  const root = readYamlTree(yamlText, source);
  const topPlace: Place = { source, owner: "the checks" };
  let settingsNode: TreeNode | undefined;
  let checksNode: TreeNode | undefined;
  if (root.kind === "seq") {
    checksNode = root;
  } else if (root.kind === "map") {
    const reader = new FieldReader(root, topPlace);
    settingsNode = reader.node("settings")?.value;
    checksNode = reader.node("checks")?.value;
    reader.finish(["settings", "checks"], "the top level");
  } else if (root.value === null) {
    throw placeError(topPlace, 0, "are empty", FORMAT_REMEDY);
  } else {
    throw placeError(
      topPlace,
      root.line,
      "must be a list of checks or a mapping with `checks:`",
      FORMAT_REMEDY,
    );
  }
  if (checksNode === undefined || checksNode.kind !== "seq" || checksNode.items.length === 0) {
    throw placeError(
      topPlace,
      checksNode?.line ?? root.line,
      "`checks` must be a non-empty list",
      FORMAT_REMEDY,
    );
  }
  const settings = parseSettings(settingsNode, source);
  const checks: Check[] = [];
  const names = new Map<string, number>();
  checksNode.items.forEach((item, index) => {
    const check = parseCheck(item, index, source, settings);
    const firstLine = names.get(check.name);
    if (firstLine !== undefined) {
      throw placeError(
        { source, owner: `check ${JSON.stringify(check.name)}` },
        check.line,
        `the name is already used by the check at line ${firstLine}`,
        "Give each check its own name: the report and the job summary identify checks by name.",
      );
    }
    names.set(check.name, check.line);
    checks.push(check);
  });
  return { source, settings, checks };
}

function parseCheck(node: TreeNode, index: number, source: string, settings: SuiteSettings): Check {
  const anonymous: Place = { source, owner: `check #${index + 1}` };
  if (node.kind !== "map") {
    throw placeError(anonymous, node.line, "must be a mapping", FORMAT_REMEDY);
  }
  const name = readName(node, anonymous);
  const place: Place = { source, owner: `check ${JSON.stringify(name)}` };
  const reader = new FieldReader(node, place);
  reader.node("name");
  const kinds = KINDS.filter((kind) => reader.has(kind));
  const kind = kinds[0];
  if (kind === undefined || kinds.length > 1) {
    throw placeError(
      place,
      node.line,
      kind === undefined ? "has no kind" : `has more than one kind (${kinds.join(", ")})`,
      "Give each check exactly one of `http: <url>`, `prometheus: <url>` or `command: <shell command>`.",
    );
  }
  const timeoutMs =
    reader.number("timeout-ms", {
      integer: true,
      min: 1,
      max: 86_400_000,
      what: "a duration in milliseconds",
    }) ?? DEFAULT_TIMEOUTS[kind];
  const schedule = parseSchedule(reader, settings);
  const base = { name, line: node.line, timeoutMs, schedule };
  let check: Check;
  switch (kind) {
    case "http":
      check = { kind, ...base, ...parseHttpFields(reader) };
      break;
    case "prometheus":
      check = { kind, ...base, ...parsePrometheusFields(reader) };
      break;
    case "command":
      check = { kind, ...base, ...parseCommandFields(reader) };
      break;
  }
  reader.finish(CHECK_KEYS[kind], `a${kind === "http" ? "n" : ""} ${kind} check`);
  return check;
}

function readName(node: MapNode, place: Place): string {
  const entry = node.entries.find((item) => item.key === "name");
  if (entry === undefined) {
    throw placeError(
      place,
      node.line,
      "has no `name`",
      "Add `name:` to every check; the report identifies checks by name.",
    );
  }
  const value = entry.value;
  if (value.kind !== "scalar" || typeof value.value !== "string" || value.value.trim() === "") {
    throw placeError(
      place,
      entry.line,
      "`name` must be non-empty text",
      "Write `name:` with a short text, quoted if needed.",
    );
  }
  // Names go into a Markdown table and log lines: one line of printable text keeps both intact.
  if (value.value.length > 100 || hasControlCharacter(value.value)) {
    throw placeError(
      place,
      entry.line,
      "`name` must be one line of at most 100 characters",
      "Shorten the name to one line.",
    );
  }
  return value.value.trim();
}
