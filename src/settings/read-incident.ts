/**
 * The settings of `incident`: the `incident` output of an earlier deploy or rollback step (JSON,
 * schema `shipguard.incident/v1`), recorded where incidents go. That output crossed the caller's
 * workflow, so it is read as untrusted: every field checked, sizes bounded.
 */
import { type Incident, NOTIFY_EVENTS } from "../core/notify/event.ts";
import { invalidInput } from "../errors.ts";
import { CORRELATION_ID, CORRELATION_ID_MAX, repositoryOf } from "./names.ts";
import { optional, type RawSource, raw } from "./values.ts";

export const INCIDENT_SCHEMA = "shipguard.incident/v1";
/** GitHub's limit on an issue body; the report is cut to fit by the adapter, this only bounds input. */
const REPORT_MAX = 1_000_000;

export interface IncidentSettings {
  workingDirectory: string;
  repository: { owner: string; repo: string } | null;
  ledgerFile: string | null;
  incident: Incident;
}

export function readIncidentSettings(source: RawSource): IncidentSettings {
  return {
    workingDirectory: raw(source, "working-directory"),
    repository: repositoryOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
    incident: parseIncident(raw(source, "incident")),
  };
}

/** The JSON of an `incident` output back into an Incident, or an error naming what is wrong. */
export function parseIncident(text: string): Incident {
  const remedy =
    "Pass the `incident` output of a shipguard deploy or rollback step as is: `incident: ${{ needs.<job>.outputs.incident }}`.";
  if (text.trim() === "") {
    throw invalidInput(
      "incident",
      "",
      "Expected the JSON of a deploy's or rollback's `incident` output.",
      remedy,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidInput("incident", shorten(text), "Expected JSON.", remedy);
  }
  const o = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const problem = incidentProblem(o);
  if (problem !== null) throw invalidInput("incident", shorten(text), problem, remedy);
  return {
    id: o.id as string,
    event: o.event as Incident["event"],
    title: o.title as string,
    report: o.report as string,
  };
}

function incidentProblem(o: Record<string, unknown>): string | null {
  if (o.schema !== INCIDENT_SCHEMA) return `Expected \`schema\` to be \`${INCIDENT_SCHEMA}\`.`;
  // An incident's id is the deploy's correlation id: the same rule.
  if (typeof o.id !== "string" || !CORRELATION_ID.test(o.id) || o.id.length > CORRELATION_ID_MAX)
    return `Expected \`id\`: up to ${CORRELATION_ID_MAX} letters, digits, \`.\`, \`_\` or \`-\`.`;
  if (typeof o.event !== "string" || !(NOTIFY_EVENTS as readonly string[]).includes(o.event))
    return `Expected \`event\` from: ${NOTIFY_EVENTS.join(", ")}.`;
  if (typeof o.title !== "string" || o.title.trim() === "" || o.title.length > 256 || /[\r\n]/.test(o.title))
    return "Expected `title`: one line of at most 256 characters.";
  if (typeof o.report !== "string" || o.report.length > REPORT_MAX)
    return `Expected \`report\`: markdown of at most ${REPORT_MAX} characters.`;
  return null;
}

/** The incident as the `incident` output carries it to the step that records it. */
export function incidentJson(incident: Incident): string {
  return JSON.stringify({ schema: INCIDENT_SCHEMA, ...incident });
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
