/** Incident records: the GitHub issue of an incident, or its file in .shipguard/incidents/. */
import { define } from "../define-error.ts";

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
    "The local incident file (`.shipguard/incidents/<id>.md`) could not be read or written.",
    (p: { file: string; detail: string; folder: string }) => ({
      message: `Could not record the incident in ${p.file}: ${p.detail}`,
      remedy: `Check that ${p.folder} can be created and written by this user, and that the disk is not full.`,
    }),
    "Make the incidents folder writable, and free disk space.",
  ),
};
