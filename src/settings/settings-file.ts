/**
 * The settings file (`.github/shipguard.yml`, or `config-file`): YAML text in, the values it gives
 * each option out, with the line of each, and its `packages`. Pure: the registry reads the file
 * and layers the result under the inputs (`layerSettings`), so an input or flag that is given
 * wins, then the file, then the default.
 */
import { isMap, LineCounter, type Node, parseDocument } from "yaml";
import { isShipguardError, ShipguardError, shipguardError } from "../errors.ts";
import { FILE_KEYS, refusalOf } from "./file-keys.ts";
import type { FileLayer, FilePackage } from "./file-layer.ts";
import { readPackages } from "./file-packages.ts";
import { describe, type FileReader, isEmpty, keyOf, known, optionText } from "./file-values.ts";
import { isGiven, type RawSource } from "./values.ts";

export interface SettingsFile {
  /** The file as named, for messages. */
  name: string;
  /** Each option the file sets, as the option's text. */
  values: ReadonlyMap<string, string>;
  /** The line of each setting: top-level names and `packages."<path>".<key>`. */
  lines: ReadonlyMap<string, number>;
  packages: FilePackage[] | null;
}

export function parseSettingsFile(text: string, name: string): SettingsFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const reader: FileReader = {
    name,
    doc,
    lineOf: (node) => {
      const start = (node as Node | null | undefined)?.range?.[0];
      return start === undefined ? 0 : counter.linePos(start).line;
    },
    invalid: (line, problem, fix) =>
      shipguardError("SG_SETTINGS_FILE_INVALID", { file: name, line, problem, fix }),
  };
  const syntax = doc.errors[0];
  if (syntax !== undefined) {
    throw reader.invalid(
      counter.linePos(syntax.pos[0]).line,
      `not valid YAML: ${syntax.message.split("\n")[0]}`,
      "Fix the YAML at that line (indentation, quotes, a `:` after each key).",
    );
  }
  const values = new Map<string, string>();
  const lines = new Map<string, number>();
  let packages: FilePackage[] | null = null;
  const top = doc.contents;
  if (isEmpty(top)) return { name, values, lines, packages };
  if (!isMap(top)) {
    throw reader.invalid(
      reader.lineOf(top),
      `the top level is ${describe(top)}; it must be a mapping of settings by input name, such as \`tag-prefix: v\`.`,
      "Write one `name: value` line per setting.",
    );
  }
  for (const pair of top.items) {
    const { key, line } = keyOf(reader, pair);
    known(reader, key, line, FILE_KEYS, null);
    const refused = refusalOf(key);
    if (refused !== null) throw shipguardError("SG_SETTINGS_REFUSED", { file: name, line, key, ...refused });
    if (key === "packages") {
      packages = readPackages(reader, pair.value, line, lines);
      continue;
    }
    const value = optionText(reader, key, key, pair.value, line);
    if (value === undefined) continue;
    values.set(key, value);
    lines.set(key, line);
  }
  return { name, values, lines, packages };
}

/**
 * The inputs or flags (`given`) over the file: a value given and not empty wins, else the file's.
 * The result also carries the file's lines and packages.
 */
export function layerSettings(given: RawSource, file: SettingsFile | null): RawSource {
  if (file === null) return given;
  const layer: FileLayer = {
    name: file.name,
    lineOf: (setting) =>
      file.values.has(setting) && isGiven(given(setting)) ? undefined : file.lines.get(setting),
    packages: file.packages,
  };
  const source = (name: string) => {
    const value = given(name);
    return isGiven(value) ? value : file.values.get(name);
  };
  return Object.assign(source, { file: layer });
}

/**
 * Reads a command's settings; an error about a value the file gave says where it is in the file
 * (`(.github/shipguard.yml line 4)`), whichever reader found it.
 */
export function readLocated<S>(read: (source: RawSource) => S, source: RawSource): S {
  try {
    return read(source);
  } catch (error) {
    const line =
      isShipguardError(error) && error.input !== undefined ? source.file?.lineOf(error.input) : undefined;
    if (!isShipguardError(error) || line === undefined || source.file === undefined) throw error;
    return rethrow(error, `${source.file.name} line ${line}`);
  }
}

function rethrow(error: ShipguardError, where: string): never {
  throw new ShipguardError(
    error.code,
    {
      message: `${error.message} (set in ${where})`,
      remedy: error.remedy,
      input: error.input,
      value: error.value,
    },
    { cause: error },
  );
}
