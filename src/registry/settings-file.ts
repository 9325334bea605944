/**
 * Where a run's settings come from: the inputs or flags the host was given, over the settings file
 * (`config-file`, default `.github/shipguard.yml`, relative to working-directory, in the working
 * tree), over the defaults. Read once, where the run starts, the same way for the action and the
 * CLI; every command's `read` gets the layered source.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { shipguardError } from "../errors.ts";
import type { Logger } from "../ports.ts";
import { isGiven, layerSettings, parseSettingsFile, type RawSource, raw } from "../settings.ts";

export async function withSettingsFile(
  source: RawSource,
  workspace: string,
  logger: Logger,
): Promise<RawSource> {
  const named = isGiven(source("config-file"));
  const name = raw(source, "config-file").trim();
  const file = path.resolve(workspace, raw(source, "working-directory"), name);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === "ENOENT" || code === "ENOTDIR";
    // The default file is optional: most repositories have none.
    if (missing && !named) return source;
    if (missing) throw shipguardError("SG_SETTINGS_FILE_MISSING", { file: name, path: file });
    throw shipguardError("SG_SETTINGS_FILE_UNREADABLE", { file: name, detail: (error as Error).message });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw shipguardError("SG_SETTINGS_FILE_UNREADABLE", { file: name, detail: "it is not UTF-8 text." });
  }
  logger.debug(`Settings file: ${name}`);
  return layerSettings(source, parseSettingsFile(text, name));
}
