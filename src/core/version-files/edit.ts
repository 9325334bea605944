/**
 * What every version-file updater shares: the updater's shape, the splice of the located version
 * tokens (a leading BOM kept aside, every other byte untouched) and the coded error that says why a
 * file's version cannot be found exactly once. Pure: text in, text out, nothing written.
 */
import type { ErrorParams } from "../../definitions/errors.ts";
import { shipguardError } from "../../errors.ts";

export type VersionFileProblem = ErrorParams<"SG_VERSION_FILE">["problem"];

export interface UpdateOptions {
  /** The path named in error messages; `updaterFor` sets it to the name it was given. */
  file?: string;
  /** Chart.yaml: set `appVersion` too. */
  chartAppVersion?: boolean;
  /**
   * Lockfiles, the entries to change. package-lock.json / npm-shrinkwrap.json: keys of `packages`,
   * `""` being the root (the top-level `version` and `packages[""].version`); default `[""]`.
   * Cargo.lock, uv.lock: the names of the `[[package]]` entries; required.
   */
  entries?: readonly string[];
}

/** The file's text and the new version in, the new text out; throws SG_VERSION_FILE. */
export type VersionFileUpdater = (text: string, version: string, options?: UpdateOptions) => string;

/** A version token's place, [start, end) in the text without its BOM. */
export interface Span {
  start: number;
  end: number;
}

export interface Located {
  file: string;
  options: UpdateOptions;
}

export type Locate = (text: string, context: Located) => Span[];

/** SemVer 2.0.0: also what may go into any format without quoting or escaping. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** An updater from a format's locator: `name` is the file named in errors unless options say. */
export function versionFileUpdater(name: string, locate: Locate): VersionFileUpdater {
  return (text, version, options = {}) => {
    if (!SEMVER.test(version)) {
      throw shipguardError("SG_INTERNAL", {
        detail: `a version file was asked to take ${JSON.stringify(version)}, which is not a SemVer version`,
      });
    }
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const body = text.slice(bom);
    const spans = [...locate(body, { file: options.file ?? name, options })].sort(
      (a, b) => a.start - b.start,
    );
    let out = text.slice(0, bom);
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue; // the same token found twice (the same lockfile entry asked twice)
      out += body.slice(at, span.start) + version;
      at = span.end;
    }
    return out + body.slice(at);
  };
}

export function fail(context: Located, expected: string, problem: VersionFileProblem): never {
  throw shipguardError("SG_VERSION_FILE", { file: context.file, expected, problem });
}

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** The one candidate, or the error for none or several. */
export function exactlyOne<T>(
  candidates: readonly T[],
  lineOf: (candidate: T) => number,
  context: Located,
  expected: string,
): T {
  if (candidates.length === 0) fail(context, expected, { kind: "missing" });
  if (candidates.length > 1) fail(context, expected, { kind: "ambiguous", lines: candidates.map(lineOf) });
  return candidates[0]!;
}

/**
 * The span inside a quoted token at [start, end) whose quotes are `quote` characters long on each
 * side, when its source is exactly its value (no escapes, no line breaks); else the error.
 */
export function literalSpan(
  text: string,
  token: { start: number; end: number; quote: number; value: string },
  context: Located,
  expected: string,
): Span {
  const span = { start: token.start + token.quote, end: token.end - token.quote };
  const raw = text.slice(span.start, span.end);
  if (raw !== token.value || raw === "" || /\s/.test(raw)) {
    fail(context, expected, {
      kind: "not-a-string",
      line: lineAt(text, token.start),
      found: shown(text.slice(token.start, token.end)),
    });
  }
  return span;
}

/** A token as a message shows it: as code, on one line, at most 60 characters. */
export function shown(source: string): string {
  const one = source.replace(/\s+/g, " ").trim().replace(/`/g, "'");
  return one.length > 60 ? `\`${one.slice(0, 57)}...\`` : `\`${one}\``;
}
