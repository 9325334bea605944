/** Incident records: the GitHub issue of an incident, or its file in .shipguard/incidents/. */
import { define } from "../define-error.ts";
import { localStateRemedy } from "./ledger.ts";

export const INCIDENT_ERRORS = {
  SG_INCIDENT_ID_INVALID: define(
    "An incident id is not a correlation id: it must be letters, digits, `.`, `_` or `-`.",
    (p: { id: string }) => ({
      message: `Cannot record the incident ${JSON.stringify(p.id.slice(0, 200))}: an incident id is 1 to 128 letters, digits, \`.\`, \`_\` or \`-\`.`,
      remedy:
        "The incident id is the deploy's correlation id. Leave `correlation-id` unset so shipguard makes one, or pass one of letters, digits, `.`, `_` and `-`.",
      input: "correlation-id",
      value: p.id,
    }),
    "Leave `correlation-id` unset, or use letters, digits, `.`, `_` and `-` only.",
  ),
  SG_INCIDENT_FILE_IO: define(
    "The local incident file (`.shipguard/incidents/<id>.md`) or its folder could not be read or written (a full disk, a read-only folder, no permission), or the file is a symbolic link or not UTF-8.",
    (p: {
      file: string;
      detail: string;
      folder: string;
      errno?: string | undefined;
      /** The file is there but is not one shipguard may rewrite: `detail` says why. */
      refused?: boolean;
    }) => ({
      message: `Could not record the incident in ${p.file}: ${p.detail}`,
      remedy: p.refused
        ? `Move ${p.file} aside (the next event then starts a new one), or make it a regular UTF-8 file again; shipguard left it as it is.`
        : localStateRemedy(p.errno, p.folder),
    }),
    "Free disk space, make the incidents folder writable, or choose another `ledger-file`; move a linked or garbled file aside.",
  ),
};
