/**
 * What the version-file tests share: the samples of test/fixtures/version-files, their CRLF, BOM
 * and no-final-newline variants, and the expected text computed apart from the code under test:
 * the input spliced at the one place where the old value sits inside a unique anchor.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { isShipguardError, type ShipguardError } from "../../../src/errors.ts";

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

/** The coded error `run` throws. */
export function failure(run: () => unknown): ShipguardError {
  try {
    run();
  } catch (error) {
    if (isShipguardError(error)) return error;
    throw error;
  }
  throw new Error("expected a ShipguardError, nothing was thrown");
}

/** The SG_VERSION_FILE error of `run`, checked to name the file. */
export function versionFileFailure(run: () => unknown, file: string): ShipguardError {
  const error = failure(run);
  expect(error.code).toBe("SG_VERSION_FILE");
  expect(error.message).toContain(file);
  expect(error.value).toBe(file);
  return error;
}
