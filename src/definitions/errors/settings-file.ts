/** The settings file (`config-file`, `.github/shipguard.yml`): where it is, and what it may hold. */
import { define } from "../define-error.ts";

/** `.github/shipguard.yml line 3`: where a setting sits. */
function at(file: string, line: number): string {
  return line > 0 ? `${file} line ${line}` : file;
}

export const SETTINGS_FILE_ERRORS = {
  SG_SETTINGS_FILE_MISSING: define(
    "The settings file that `config-file` names does not exist.",
    (p: { file: string; path: string }) => ({
      message: `The settings file ${p.file} named by config-file does not exist (${p.path}).`,
      remedy:
        "Commit the file there, correct `config-file` (`--config-file`, relative to working-directory), or leave config-file empty: then .github/shipguard.yml is read when it exists.",
      input: "config-file",
      value: p.file,
    }),
    "Commit the file, correct `config-file`, or leave it empty for `.github/shipguard.yml`.",
  ),
  SG_SETTINGS_FILE_UNREADABLE: define(
    "The settings file exists but cannot be read (a folder, no permission, not UTF-8).",
    (p: { file: string; detail: string }) => ({
      message: `The settings file ${p.file} cannot be read: ${p.detail}`,
      remedy: "Make it a readable UTF-8 file, or point `config-file` (`--config-file`) at one.",
      input: "config-file",
      value: p.file,
    }),
    "Make the file a readable UTF-8 file.",
  ),
  SG_SETTINGS_FILE_INVALID: define(
    "The settings file is not valid YAML, or a value there has the wrong shape; the message names the line.",
    (p: { file: string; line: number; problem: string; fix: string }) => ({
      message: `${at(p.file, p.line)}: ${p.problem}`,
      remedy: p.fix,
    }),
    "Fix the file at the line the message names.",
  ),
  SG_SETTINGS_UNKNOWN: define(
    "The settings file holds a key that is not a setting; the message names the nearest one.",
    (p: {
      file: string;
      line: number;
      key: string;
      /** `packages."packages/api"` for a package's key; null at the top level. */
      within: string | null;
      nearest: string | null;
      close: boolean;
    }) => ({
      message: `Unknown setting "${p.key}"${p.within === null ? "" : ` of ${p.within}`} in ${at(p.file, p.line)}${
        p.nearest === null
          ? "."
          : p.close
            ? `: did you mean "${p.nearest}"?`
            : ` (the nearest known one is "${p.nearest}").`
      }`,
      remedy:
        p.within === null
          ? "The file takes the action's inputs by their names (README: Inputs), and `packages`; correct or remove the key."
          : "A package takes `tag-prefix`, `extra-paths`, `exclude-paths` and the version options `release-rules`, `squash-bullets`, `initial-version`, `major-zero-breaking`, `prerelease`, `build-metadata`, and the files a release writes `version-files`, `changelog-file`, `chart-app-version`; correct or remove the key.",
    }),
    "Correct the key (the message suggests the nearest) or remove it.",
  ),
  SG_SETTINGS_REFUSED: define(
    "The settings file holds a key that must not be in a committed file (a secret, the command, where the file is, one run's values).",
    (p: { file: string; line: number; key: string; reason: string; remedy: string }) => ({
      message: `"${p.key}" cannot be set in ${at(p.file, p.line)}: ${p.reason}`,
      remedy: `Remove it from the file. ${p.remedy}`,
    }),
    "Remove the key from the file and give it where the message says.",
  ),
};
