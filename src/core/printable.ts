/**
 * Removes what a terminal would act on instead of showing (ANSI/VT escape sequences, bells,
 * backspaces, carriage returns, C1 controls) and the bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069) from untrusted text: command output, commit text, remote messages. Tabs and new
 * lines stay. The one stripper: presenters and the process runner both use it, and names that
 * must be printable are checked against the same characters (hasControlCharacter).
 */

/**
 * Bidirectional embeddings, overrides and isolates: invisible, they reorder how the text after
 * them is shown ("Trojan Source"), so a line could read as something it does not say.
 */
const BIDI_CONTROLS = "\\u202a-\\u202e\\u2066-\\u2069";
/** Controls printable() removes: C0 but tab and new line, DEL, C1, and the bidi controls. */
const REMOVED = new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI_CONTROLS}]`, "g");
/** Every control a name may not hold: C0 (tab and new line too), DEL, C1, the bidi controls. */
const CONTROL = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f${BIDI_CONTROLS}]`);

export function printable(text: string): string {
  return (
    text
      // OSC (window title, hyperlinks): ESC ] ... ended by BEL or ESC \.
      .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, "")
      // CSI (colours, cursor moves): ESC [ parameters, intermediates, final byte.
      .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
      // Any other escape: ESC and the one character it introduces.
      .replace(/\x1b[ -~]?/g, "")
      .replace(REMOVED, "")
  );
}

/** Whether a name holds a character printable() would remove, or a tab or new line. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}
