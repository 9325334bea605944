/**
 * Names the settings carry to GitHub and the ledger: the repository (`owner/name`), the
 * environment, workflow file names and correlation ids, each checked once here.
 */
import { hasControlCharacter } from "../core/printable.ts";
import { invalidInput } from "../errors.ts";
import { optional, type RawSource, raw } from "./values.ts";

const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
/**
 * At most 255 characters and no `\`; `/` is allowed, as GitHub allows it (`prod/eu`). Control
 * characters are checked by hasControlCharacter. Where a name becomes a file name it is hashed
 * (the environment's lock) or refused (the symlink strategy's paths).
 */
const ENVIRONMENT = /^[^\\]{1,255}$/;
const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
export const CORRELATION_ID = /^[A-Za-z0-9._-]+$/;
export const CORRELATION_ID_MAX = 100;
/** A failed deploy dispatches its rollback as `<correlation id><ROLLBACK_SUFFIX>`. */
export const ROLLBACK_SUFFIX = "-rollback";

/** `owner/name` as GitHub allows it, or null: the one parser of a repository name. */
export function parseRepository(text: string): { owner: string; repo: string } | null {
  const parsed = REPOSITORY.exec(text);
  return parsed === null ? null : { owner: parsed[1]!, repo: parsed[2]! };
}

export function repositoryOf(source: RawSource): { owner: string; repo: string } | null {
  const repository = optional(raw(source, "repository"));
  if (repository === null) return null;
  const parsed = parseRepository(repository);
  if (parsed === null)
    throw invalidInput("repository", repository, "Expected `owner/name`, such as `octo/app`.");
  return parsed;
}

export function environmentOf(source: RawSource, required: boolean): string | null {
  const value = optional(raw(source, "environment"));
  if (value === null) {
    if (!required) return null;
    throw invalidInput("environment", "", "Name the environment, such as `production` or `staging`.");
  }
  if (!ENVIRONMENT.test(value) || hasControlCharacter(value)) {
    throw invalidInput(
      "environment",
      value,
      "Expected at most 255 characters, without `\\`, control characters or bidirectional controls.",
    );
  }
  return value;
}

/** `max` is shorter for a deploy, whose rollback's id (the id plus ROLLBACK_SUFFIX) must fit too. */
export function correlationIdOf(source: RawSource, max = CORRELATION_ID_MAX): string | null {
  const value = optional(raw(source, "correlation-id"));
  if (value !== null && (!CORRELATION_ID.test(value) || value.length > max)) {
    const why = max < CORRELATION_ID_MAX ? ` (its rollback runs as \`<id>${ROLLBACK_SUFFIX}\`)` : "";
    throw invalidInput(
      "correlation-id",
      value,
      `Expected up to ${max} letters, digits, \`.\`, \`_\` or \`-\`${why}.`,
    );
  }
  return value;
}

export function workflowFileOf(source: RawSource, name: string): string | null {
  const value = optional(raw(source, name));
  if (value !== null && !WORKFLOW_FILE.test(value)) {
    throw invalidInput(
      name,
      value,
      "Expected a workflow file name in .github/workflows/, such as `deploy.yml`.",
    );
  }
  return value;
}
