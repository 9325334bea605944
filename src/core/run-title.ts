/**
 * How a workflow run is found by its title: the rollback and deploy workflows show the attempt's
 * correlation id (and the environment) in their `run-name`, so a dispatched run is recognised
 * without run details, and a rollback of an environment is seen queued or running.
 */

/** True when `id` occurs in `text` as a whole token (sg-1 does not match sg-12). */
export function mentionsId(text: string, id: string): boolean {
  const isIdChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
    if (!isIdChar(text[at - 1]) && !isIdChar(text[at + id.length])) return true;
  }
  return false;
}
