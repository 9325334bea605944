/**
 * Every error and refusal shipguard reports, by code: one place for what went wrong, how to fix
 * it, and where the README explains it (`README.md#<anchor>`). Call sites pass the facts; the
 * words live in definitions/errors/, one file an area, so a message is changed once and tests
 * assert codes, not prose.
 */
import type { ErrorDefinition } from "./define-error.ts";
import { CHECKS_ERRORS } from "./errors/checks.ts";
import { DEPLOY_LOOP_ERRORS } from "./errors/deploy-loop.ts";
import { FILES_ERRORS } from "./errors/files.ts";
import { GENERAL_ERRORS } from "./errors/general.ts";
import { GITHUB_ERRORS } from "./errors/github.ts";
import { GITHUB_WRITE_ERRORS } from "./errors/github-writes.ts";
import { HISTORY_ERRORS } from "./errors/history.ts";
import { INCIDENT_ERRORS } from "./errors/incidents.ts";
import { LEDGER_ERRORS } from "./errors/ledger.ts";
import { MAINTENANCE_ERRORS } from "./errors/maintenance.ts";
import { METRICS_ERRORS } from "./errors/metrics.ts";
import { RELEASE_PR_ERRORS } from "./errors/release-pr.ts";
import { SETTINGS_FILE_ERRORS } from "./errors/settings-file.ts";

export type { ErrorDefinition, ErrorDetails } from "./define-error.ts";

export const ERRORS = {
  ...GENERAL_ERRORS,
  ...SETTINGS_FILE_ERRORS,
  ...HISTORY_ERRORS,
  ...MAINTENANCE_ERRORS,
  ...DEPLOY_LOOP_ERRORS,
  ...CHECKS_ERRORS,
  ...GITHUB_ERRORS,
  ...GITHUB_WRITE_ERRORS,
  ...LEDGER_ERRORS,
  ...INCIDENT_ERRORS,
  ...RELEASE_PR_ERRORS,
  ...FILES_ERRORS,
  ...METRICS_ERRORS,
} satisfies Record<string, ErrorDefinition<never>>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]["build"]>[0];

/** The README anchor of a code's row: `SG_TAG_MISSING` -> `sg-tag-missing`. */
export function errorAnchor(code: ErrorCode): string {
  return code.toLowerCase().replace(/_/g, "-");
}
