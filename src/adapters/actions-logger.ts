/** The Logger port on GitHub Actions' workflow commands. */
import { randomUUID } from "node:crypto";
import * as core from "@actions/core";
import type { Logger } from "../ports.ts";

export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    // core.warning escapes %, CR and LF, so a message cannot end the command early.
    warning: (m) => core.warning(m),
    untrusted(text) {
      // Between ::stop-commands::<token> and ::<token>:: the runner executes no workflow command,
      // so a commit message with `::add-mask::` or `::set-output` lines is only printed. The token
      // is random, so the text cannot guess it to switch commands back on.
      const token = `shipguard-${randomUUID()}`;
      core.info(`::stop-commands::${token}`);
      core.info(text);
      core.info(`::${token}::`);
    },
  };
}
