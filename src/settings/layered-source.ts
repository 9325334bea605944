/**
 * The inputs or flags a run was given, layered over its settings file: what every command's
 * settings reader gets. Free of the YAML parser (settings-file.ts), so a run without a file
 * never loads it.
 */
import { whereToSet } from "../definitions/errors/general.ts";
import { isShipguardError, ShipguardError } from "../errors.ts";
import type { FileLayer, SettingsFile } from "./file-layer.ts";
import { isGiven, type RawSource } from "./values.ts";

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
      // "Correct the action input `x` (CLI flag `--x`)" points at the wrong place: the file has it.
      remedy:
        error.input === undefined
          ? error.remedy
          : error.remedy.replace(whereToSet(error.input), `\`${error.input}\` in ${where}`),
      input: error.input,
      value: error.value,
    },
    { cause: error },
  );
}
