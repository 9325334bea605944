/**
 * The settings file (`.github/shipguard.yml`, or `config-file`): YAML text in, the values it gives
 * each option out, with the line of each, and its `packages`. Pure: the registry reads the file
 * and layers the result under the inputs (`layerSettings`), so an input or flag that is given
 * wins, then the file, then the default.
 */
import { isMap, LineCounter, type Node, parseDocument } from "yaml";
import { shipguardError } from "../errors.ts";
import { FILE_KEYS, refusalOf } from "./file-keys.ts";
import type { FilePackage, SettingsFile } from "./file-layer.ts";
import { readPackages } from "./file-packages.ts";
import { describe, type FileReader, isEmpty, keyOf, known, optionText } from "./file-values.ts";

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
