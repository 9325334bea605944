/**
 * Removes what a terminal would act on instead of showing (ANSI/VT escape sequences, bells,
 * backspaces, carriage returns, C1 controls) from untrusted text: command output, commit text,
 * remote messages. Tabs and new lines stay. The one stripper: presenters and the process runner
 * both use it.
 */
export function printable(text: string): string {
  return (
    text
      // OSC (window title, hyperlinks): ESC ] ... ended by BEL or ESC \.
      .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, "")
      // CSI (colours, cursor moves): ESC [ parameters, intermediates, final byte.
      .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "")
      // Any other escape: ESC and the one character it introduces.
      .replace(/\x1b[ -~]?/g, "")
      .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, "")
  );
}
