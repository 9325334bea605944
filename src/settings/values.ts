/**
 * The readers every command's settings share: the raw value with its schema default, and the
 * common shapes (booleans, bounded whole numbers, `name=value` lines, owner/name, environments).
 */
import semver from "semver";
import { validateRefComponent } from "../core/tags.ts";
import { invalidInput } from "../errors.ts";
import type { FileLayer } from "./file-layer.ts";
import { OPTIONS } from "./options.ts";

/** Reads one raw value; undefined or empty means "not set". */
export interface RawSource {
  (name: string): string | undefined;
  /** The settings file under the inputs, when one was read (settings-file.ts): its lines and packages. */
  readonly file?: FileLayer;
}

/** An input or flag counts as given when it is not empty: an empty one is "not given". */
export function isGiven(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** The value of an option, or its default when it is not set. */
export function raw(source: RawSource, name: string): string {
  const spec = OPTIONS.find((o) => o.name === name);
  if (!spec) throw new Error(`unknown option ${name}`);
  const value = source(name);
  return isGiven(value) ? value : (spec.default ?? "");
}

export function parseBoolean(name: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes" || v === "1") return true;
  if (v === "false" || v === "no" || v === "0") return false;
  throw invalidInput(name, value, "Expected `true` or `false`.");
}

/** The trimmed value, or null when it is empty. */
export function optional(value: string): string | null {
  const v = value.trim();
  return v === "" ? null : v;
}

export function positiveInteger(source: RawSource, name: string, max: number): number {
  const value = raw(source, name).trim();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw invalidInput(name, value, `Expected a whole number from 1 to ${max}.`);
  return n;
}

export function keyValueLines(source: RawSource, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = raw(source, name).split(/\r?\n/);
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return;
    const eq = text.indexOf("=");
    const key = eq <= 0 ? "" : text.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
      throw invalidInput(name, text, `On line ${i + 1}, expected \`name=value\`.`);
    }
    out[key] = text.slice(eq + 1).trim();
  });
  return out;
}

/**
 * A version input (`version`, `to-version`), written with or without the tag prefix (`1.4.2`,
 * `v1.4.2`), as the version without the prefix: strict SemVer, and `<prefix><version>` a tag name
 * git accepts. Checked before anything is read or written: git would read `v1.2.0~1` as a
 * revision (the commit before v1.2.0), so an unchecked version could deploy a commit under a tag
 * that does not exist. `otherwise` ends the expectation: what else the input may be.
 */
export function versionInput(
  input: string,
  value: string,
  tagPrefix: string,
  otherwise: string,
  remedy?: string,
): string {
  const version = value.replace(new RegExp(`^${escapeRegExp(tagPrefix)}`), "");
  // semver reads a leading `v` or `=` as part of the version; a version here starts with a digit.
  if (!/^\d/.test(version) || semver.parse(version) === null) {
    throw invalidInput(
      input,
      value,
      `Expected a SemVer version such as \`1.4.2\` or \`${tagPrefix}1.4.2\`${otherwise}.`,
      remedy,
    );
  }
  validateRefComponent(`${tagPrefix}${version}`, input, "name");
  return version;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
