/** How the metrics' numbers read to people: durations, rates and tiers, the same in every form. */

/** `2d 3h`, `4h 5m`, `12m 3s`, `45s` (a zero second part left out: `1d`, `15m`); `–` for none. */
export function duration(seconds: number | null): string {
  if (seconds === null) return "–";
  const sign = seconds < 0 ? "-" : "";
  let left = Math.abs(seconds);
  const days = Math.floor(left / 86_400);
  left -= days * 86_400;
  const hours = Math.floor(left / 3600);
  left -= hours * 3600;
  const minutes = Math.floor(left / 60);
  const secs = left - minutes * 60;
  const pair = (a: number, aUnit: string, b: number, bUnit: string) =>
    `${sign}${a}${aUnit}${b === 0 ? "" : ` ${b}${bUnit}`}`;
  if (days > 0) return pair(days, "d", hours, "h");
  if (hours > 0) return pair(hours, "h", minutes, "m");
  if (minutes > 0) return pair(minutes, "m", secs, "s");
  return `${sign}${secs}s`;
}

/** The unit a chart of these durations reads best in: minutes, hours or days. */
export function chartUnit(maxSeconds: number): { name: string; seconds: number } {
  if (maxSeconds >= 3 * 86_400) return { name: "Days", seconds: 86_400 };
  if (maxSeconds >= 2 * 3600) return { name: "Hours", seconds: 3600 };
  return { name: "Minutes", seconds: 60 };
}

/** A duration in a chart's unit, with one decimal. */
export function inUnit(seconds: number, unit: { seconds: number }): number {
  return Math.round((seconds / unit.seconds) * 10) / 10;
}

/** A fraction as a percentage with at most one decimal; `–` for none. */
export function percent(rate: number | null): string {
  if (rate === null) return "–";
  return `${Math.round(rate * 1000) / 10}%`;
}

/** A rate per day or week with at most two decimals. */
export function perPeriod(value: number): string {
  return `${Math.round(value * 100) / 100}`;
}

export function tierText(tier: string | null): string {
  return tier ?? "–";
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
