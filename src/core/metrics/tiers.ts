/**
 * The tier of each metric from the performance clusters of DORA's 2024 report ("Accelerate State
 * of DevOps Report 2024", dora.dev/research/2024/dora-report). The report gives each cluster's
 * band; where two clusters share a band or the bands leave a gap, the rule below says what
 * shipguard does (the README quotes the bands and these rules).
 */

export type Tier = "elite" | "high" | "medium" | "low";

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Deployment frequency: elite on demand (several a day: more than one a day on average), high
 * daily to weekly (at least one a week), medium weekly to monthly (at least one in 30 days), low
 * monthly to every six months, and anything rarer.
 */
export function frequencyTier(perDay: number): Tier {
  if (perDay > 1) return "elite";
  if (perDay * 7 >= 1) return "high";
  if (perDay * 30 >= 1) return "medium";
  return "low";
}

/** Lead time (the median): elite under a day, high under a week, medium under a month (30 days), low beyond. */
export function leadTimeTier(medianSeconds: number | null): Tier | null {
  if (medianSeconds === null) return null;
  if (medianSeconds < DAY) return "elite";
  if (medianSeconds < 7 * DAY) return "high";
  if (medianSeconds < 30 * DAY) return "medium";
  return "low";
}

/**
 * Change failure rate. The 2024 bands are each cluster's typical rate (elite 5%, high 20%,
 * medium 10%, low 40%), medium's below high's: the tier is the cluster whose typical rate is
 * nearest (a tie goes to the lower rate's cluster).
 */
export function failureRateTier(rate: number | null): Tier | null {
  if (rate === null) return null;
  if (rate <= 0.075) return "elite";
  if (rate <= 0.15) return "medium";
  if (rate <= 0.3) return "high";
  return "low";
}

/**
 * Recovery time (the median): elite under an hour; high and medium share "under a day", so such a
 * recovery is high; low is a week to a month, and anything a day or longer is low.
 */
export function recoveryTier(medianSeconds: number | null): Tier | null {
  if (medianSeconds === null) return null;
  if (medianSeconds < HOUR) return "elite";
  if (medianSeconds < DAY) return "high";
  return "low";
}
