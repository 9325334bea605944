/** What every command's result becomes before a host publishes it (registry/command.ts, announce.ts). */
import type { Refusal } from "../errors.ts";

/** A result in every form a host publishes it. */
export interface Presentation {
  /** False fails the step (action) or exits non-zero (CLI), after the result is published. */
  ok: boolean;
  /** The closing sentence: the failure's or refusal's when not ok. */
  message: string;
  /** A refusal's or coded failure's code and remedy, named where the step fails. */
  problem: Refusal | null;
  /** Action outputs, by name (OUTPUTS lists them all). */
  outputs: Record<string, string>;
  /** The job summary in markdown (the incident report for a rollback). */
  summary: string;
  /** The report for people: the action's log; the CLI's stdout (its stderr when `document` is set). */
  text: string;
  /** What the CLI prints on stdout instead of the text, so it can be piped (release notes). */
  document?: string;
  /** The CLI's --json. */
  json: unknown;
}
