import type { FieldReader } from "./field-reader.ts";
import type { CommandCheck } from "./types.ts";

export const COMMAND_KEYS = ["command", "cwd"] as const;

export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;

type CommandFields = Omit<CommandCheck, "kind" | "name" | "line" | "timeoutMs" | "schedule">;

/**
 * The command is not expanded: values such as the version reach it as environment variables
 * (`"$SHIPGUARD_VERSION"` in the shell), so no value can change what the shell parses.
 */
export function parseCommandFields(reader: FieldReader): CommandFields {
  const command = reader.requiredString("command", "the shell command to run");
  if (command.includes("\0")) {
    throw reader.error("command", "holds a NUL character", "Remove the NUL character from the command.");
  }
  const cwd = reader.string("cwd") ?? null;
  if (cwd !== null && cwd.trim() === "") {
    throw reader.error("cwd", "is empty", "Remove `cwd` or name a folder.");
  }
  return { command, cwd };
}
