/**
 * The text both incident logs write: the hidden markers that tie an issue (or a file) to one
 * incident and to each event recorded in it, and the report made safe to carry them. Pure.
 *
 * A marker is an HTML comment, invisible on GitHub and in rendered markdown. Only markers are
 * trusted to find an incident: titles are for people and may be edited or copied.
 */
import { shipguardError } from "../../errors.ts";
import { printable } from "../printable.ts";
import type { NotifyEventName } from "./event.ts";

/** The characters of a correlation id (settings/names.ts), which is the incident's id. */
const INCIDENT_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The id itself, or SG_INCIDENT_ID_INVALID: an id goes into markers, file names and searches. */
export function checkIncidentId(id: string): string {
  if (!INCIDENT_ID.test(id)) throw shipguardError("SG_INCIDENT_ID_INVALID", { id });
  return id;
}

export function incidentMarker(id: string): string {
  return `<!-- shipguard:incident id=${id} -->`;
}

export function eventMarker(id: string, event: NotifyEventName): string {
  return `<!-- shipguard:event id=${id} event=${event} -->`;
}

/** Whether a body holds this exact marker (the closing ` -->` keeps `id=a` from matching `id=ab`). */
export function holdsMarker(text: string | null | undefined, marker: string): boolean {
  return typeof text === "string" && text.includes(marker);
}

/**
 * The report with any marker-like comment it quotes disarmed. A report carries text from commits,
 * checks and people; a forged event marker in it could make a later event look recorded already.
 * The change is inside an HTML comment, so the rendered report is the same.
 */
export function disarmMarkers(report: string): string {
  return report.replace(/<!--(\s*)shipguard:/gi, "<!--$1shipguard (quoted):");
}

/** One line, no control characters, at most `max` characters (GitHub refuses longer titles). */
export function cleanTitle(title: string, max = 256): string {
  const line = printable(title).replace(/\s+/g, " ").trim();
  const characters = Array.from(line);
  if (characters.length <= max) return line === "" ? "shipguard incident" : line;
  return `${characters.slice(0, max - 1).join("")}…`;
}

const CUT_NOTE =
  "_The report was cut here to fit GitHub's limit of 65,536 characters; the run's job summary has all of it._";
/** Room kept for the note, the blank line before it, and a fence that may need closing. */
const CUT_RESERVE = CUT_NOTE.length + 40;

/**
 * The report cut to at most `room` UTF-16 units (never fewer characters than GitHub counts), with a
 * note saying so. A code fence left open by the cut is closed, so the note reads as text.
 */
export function fitReport(report: string, room: number): string {
  if (report.length <= room) return report;
  let end = Math.max(0, room - CUT_RESERVE);
  // Never split a surrogate pair: half an emoji is not a character.
  const code = report.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  let kept = report.slice(0, end);
  const fence = openFence(kept);
  if (fence !== null) kept += `\n${fence}`;
  return `${kept}\n\n${CUT_NOTE}`;
}

/** The fence (``` or ~~~, three or more) a markdown text leaves open at its end, if any. */
function openFence(text: string): string | null {
  let open: string | null = null;
  for (const [, fence = ""] of text.matchAll(/^ {0,3}(`{3,}|~{3,})/gm)) {
    if (open === null) open = fence.slice(0, 30);
    else if (fence[0] === open[0] && fence.length >= open.length) open = null;
  }
  return open;
}
