/** How the metrics' numbers read to people: durations, rates and tiers, the same in every form. */

/** `2d 3h`, `4h 5m`, `12m 3s`, `45s`; `–` for none. */
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
  if (days > 0) return `${sign}${days}d ${hours}h`;
  if (hours > 0) return `${sign}${hours}h ${minutes}m`;
  if (minutes > 0) return `${sign}${minutes}m ${secs}s`;
  return `${sign}${secs}s`;
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
