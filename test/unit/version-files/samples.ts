/**
 * What the version-file tests share: the samples of test/fixtures/version-files, their CRLF, BOM
 * and no-final-newline variants, and the expected text computed apart from the code under test:
 * the input spliced at the one place where the old value sits inside a unique anchor.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { UpdateOptions, VersionFileUpdater } from "../../../src/core/version-files/index.ts";
import type { ShipguardError } from "../../../src/errors.ts";
import { thrown } from "../../helpers/failure.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/version-files");

export function sample(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** The sample as written (LF), with CRLF, with a BOM, with both, and without its final newline. */
export function variants(text: string): { name: string; text: string }[] {
  const crlf = text.replace(/\n/g, "\r\n");
  return [
    { name: "LF", text },
    { name: "CRLF", text: crlf },
    { name: "BOM", text: `\uFEFF${text}` },
    { name: "BOM+CRLF", text: `\uFEFF${crlf}` },
    { name: "no final newline", text: text.replace(/\n$/, "") },
  ];
}

/**
 * `text` with `old` replaced by `next` inside `anchor`, which must occur exactly once (its `\n`
 * read as `\r\n` in a CRLF text). Several edits apply in order.
 */
export function spliced(
  text: string,
  edits: readonly { anchor: string; old: string }[],
  next: string,
): string {
  let out = text;
  for (const { anchor: lf, old } of edits) {
    const anchor = out.includes("\r\n") ? lf.replace(/\n/g, "\r\n") : lf;
    const at = out.indexOf(anchor);
    expect(at, `anchor ${JSON.stringify(lf)}`).toBeGreaterThanOrEqual(0);
    expect(out.indexOf(anchor, at + 1), `anchor ${JSON.stringify(lf)} occurs once`).toBe(-1);
    const inside = anchor.indexOf(old);
    expect(inside, `${old} is inside its anchor`).toBeGreaterThanOrEqual(0);
    out = out.slice(0, at + inside) + next + out.slice(at + inside + old.length);
  }
  return out;
}

/** In every variant of `text` (LF, CRLF, BOM, no final newline), `update` changes the edits' values only. */
export function expectOnly(
  update: VersionFileUpdater,
  text: string,
  edits: readonly { anchor: string; old: string }[],
  next: string,
  options?: UpdateOptions,
): void {
  for (const variant of variants(text)) {
    expect(update(variant.text, next, options), variant.name).toBe(spliced(variant.text, edits, next));
  }
}

/** The SG_VERSION_FILE error of `run`, checked to name the file. */
export function versionFileFailure(run: () => unknown, file: string): ShipguardError {
  const error = thrown(run);
  expect(error.code).toBe("SG_VERSION_FILE");
  expect(error.message).toContain(file);
  expect(error.value).toBe(file);
  return error;
}
