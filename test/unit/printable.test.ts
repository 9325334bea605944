/**
 * The one stripper of untrusted text (core/printable.ts) and the names checked against the same
 * characters (issue 18, item 11): bidirectional controls (U+202A–U+202E, U+2066–U+2069) go wherever
 * control characters go: from printed text, incident titles, environment and check names.
 */
import { describe, expect, it } from "vitest";
import { cleanTitle } from "../../src/core/notify/incident-text.ts";
import { hasControlCharacter, printable } from "../../src/core/printable.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import { isShipguardError } from "../../src/errors.ts";
import { readSmokeSettings } from "../../src/settings.ts";

const BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`;

describe("printable", () => {
  it.each(BIDI.map((c) => [hex(c), c]))("removes %s", (_name, c) => {
    expect(printable(`deploy ${c}1.2.0 done`)).toBe("deploy 1.2.0 done");
    expect(hasControlCharacter(`prod${c}`)).toBe(true);
  });

  it("removes C0 and C1 controls and escapes, keeps tabs, new lines and other text", () => {
    expect(printable("a\u0007b\u009bc\x1b[31md\x1b[0m\te\nf")).toBe("abcd\te\nf");
    // Not controls: a zero-width joiner (emoji), a left-to-right mark, text in Hebrew.
    expect(printable("👩\u200d💻 \u200e שלום")).toBe("👩\u200d💻 \u200e שלום");
    expect(hasControlCharacter("👩\u200d💻 שלום production")).toBe(false);
  });
});

describe("names refuse them as they refuse control characters", () => {
  it.each(BIDI.map((c) => [hex(c), c]))("an environment name with %s", (_name, c) => {
    let error: unknown;
    try {
      readSmokeSettings((name) => ({ environment: `prod${c}uction`, checks: "[]" })[name]);
    } catch (caught) {
      error = caught;
    }
    expect(isShipguardError(error) && error.code === "SG_INPUT_INVALID" && error.input).toBe("environment");
  });

  it("a check name with one", () => {
    expect(() => parseChecks("- name: \"health\u202e\"\n  command: 'true'\n", "checks")).toThrow(
      "`name` must be one line of at most 100 characters",
    );
  });

  it("an incident title loses them", () => {
    expect(cleanTitle("Rollback in prod: \u202e1.2.0 → 1.1.0\u2066")).toBe("Rollback in prod: 1.2.0 → 1.1.0");
  });
});
