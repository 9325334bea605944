/**
 * The window of a metrics report: `since` included, `until` excluded. `since` is a duration back
 * from `until` (`30d`, `12h`, `2w`) or an instant (`2026-11-01`, `2026-11-01T09:30:00Z`); a
 * duration (`15m`) is also how `recovery-target` is written. Pure: the settings turn a null into
 * an error that names the input.
 */

export interface Window {
  since: Date;
  until: Date;
}

/** The default window: the last 30 days. */
export const DEFAULT_SINCE = "30d";

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** A duration such as `30d`, `12h`, `2w`, `15m` or `90s` in seconds; null when it is not one or is 0. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,9})\s*([smhdw])$/.exec(text.trim());
  if (match === null) return null;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] ?? ""] ?? 0);
  return seconds > 0 ? seconds : null;
}

/**
 * An instant: a date (`2026-11-01`, midnight UTC) or a date and time with its zone (`Z` or an
 * offset); null otherwise. A time without a zone would depend on the machine's: refused.
 */
export function parseInstant(text: string): Date | null {
  const value = text.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  if (!date && !dateTime) return null;
  const parsed = new Date(date ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed.getTime())) return null;
  // `2026-02-31` parses to March 3rd: the day must be the one written.
  if (parsed.toISOString().slice(0, 10) !== value.slice(0, 10) && date) return null;
  return parsed;
}

/** `since` as written (a duration back from `until`, or an instant); null when it is neither. */
export function sinceOf(text: string, until: Date): Date | null {
  const seconds = parseDuration(text);
  if (seconds !== null) return new Date(until.getTime() - seconds * 1000);
  return parseInstant(text);
}

/** Whether an instant (ms) falls in the window: `since` included, `until` excluded. */
export function inWindow(at: number, window: Window): boolean {
  return at >= window.since.getTime() && at < window.until.getTime();
}

/** The window's length in days (fractional). */
export function windowDays(window: Window): number {
  return (window.until.getTime() - window.since.getTime()) / 86_400_000;
}
