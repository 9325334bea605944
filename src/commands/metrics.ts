/**
 * `metrics`: DORA's keys for every environment, from the ledger's records (one batched read of
 * deployments and statuses) and git's commit dates (one read per deploy of the window). The
 * formulas are core/metrics'; this only gathers what they need.
 */
import {
  buildMetrics,
  environmentKey,
  judgeDeployments,
  knownEnvironments,
  type LeadTimeRange,
  leadTimeRanges,
  type MetricsReport,
  type RangeReading,
  sinceOf,
  type Window,
} from "../core/metrics/index.ts";
import { invalidInput, shipguardError } from "../errors.ts";
import type { Git, Ledger, Logger } from "../ports.ts";
import type { MetricsSettings } from "../settings.ts";

export interface MetricsResult {
  report: MetricsReport;
  window: Window;
  environment: string | null;
  /** Where the records came from, for the report. */
  ledger: string;
  recoveryTargetSeconds: number | null;
}

export async function runMetricsCommand(
  settings: MetricsSettings,
  ports: { ledger: Ledger; git: Git; logger: Logger },
  now: Date,
): Promise<MetricsResult> {
  const window = windowOf(settings, now);
  const { ledger, git, logger } = ports;
  const records = await ledger.allDeployments(settings.environment, window.until);
  const judged = judgeDeployments(records, window.until).filter(
    (d) => settings.environment === null || d.key === environmentKey(settings.environment),
  );
  if (settings.environment !== null && judged.length === 0) {
    const everything = judgeDeployments(await ledger.allDeployments(null, window.until), window.until);
    throw shipguardError("SG_METRICS_ENVIRONMENT_UNKNOWN", {
      environment: settings.environment,
      known: knownEnvironments(everything),
      ledger: ledger.describe,
      until: window.until.toISOString(),
    });
  }
  const ranges = leadTimeRanges(judged, window);
  const readings = await readRanges(git, ranges, logger);
  const report = buildMetrics({
    judged,
    window,
    environment: settings.environment,
    recoveryTargetSeconds: settings.recoveryTargetSeconds,
    ranges,
    readings,
  });
  return {
    report,
    window,
    environment: settings.environment,
    ledger: ledger.describe,
    recoveryTargetSeconds: settings.recoveryTargetSeconds,
  };
}

/** The longest window a report covers: ten years (one chart bar a week stays readable in a summary). */
const MAX_WINDOW_DAYS = 3653;

function windowOf(settings: MetricsSettings, now: Date): Window {
  const until = settings.until ?? now;
  const since = sinceOf(settings.since, until);
  const start = since?.getTime() ?? Number.NaN;
  if (since === null || start >= until.getTime()) {
    throw invalidInput(
      "since",
      settings.since,
      `Expected a start before \`until\` (${until.toISOString()}).`,
      "Give `since` as a duration (`30d`) or a date before `until`, or move `until` later.",
    );
  }
  // A duration so long that it leaves the calendar (NaN) is too long as well.
  if (Number.isNaN(start) || until.getTime() - start > MAX_WINDOW_DAYS * 86_400_000) {
    throw invalidInput(
      "since",
      settings.since,
      `Expected a window of at most ten years (${MAX_WINDOW_DAYS} days) before \`until\` (${until.toISOString()}).`,
      "Report a shorter window, or several windows one after another (`since` and `until`).",
    );
  }
  return { since, until };
}

/**
 * Git's answer for each range: its commits with their dates, or `missing` when the local history
 * lacks V's or U's commit (a shallow clone, a commit never fetched). Earlier commits it lacks only
 * drop out of the exclusions. Which commits are here is asked once, in one git process.
 */
async function readRanges(
  git: Git,
  ranges: readonly LeadTimeRange[],
  logger: Logger,
): Promise<Map<string, RangeReading>> {
  const readings = new Map<string, RangeReading>();
  if (ranges.length === 0) return readings;
  const absent = new Set(await git.missingCommits(ranges.flatMap((r) => [r.to, ...r.exclude])));
  for (const range of ranges) {
    if (absent.has(range.to) || absent.has(range.from)) {
      const which = absent.has(range.to) ? range.to : range.from;
      logger.warning(
        `Lead time: commit ${which} is not in the local history, so the commits of deployment ${range.id} are counted as missing. Fetch the full history (actions/checkout with fetch-depth: 0) to count them.`,
      );
      readings.set(range.id, { missing: true });
      continue;
    }
    const exclude = range.exclude.filter((sha) => !absent.has(sha));
    readings.set(range.id, { commits: await git.datedCommits(range.to, exclude) });
  }
  return readings;
}
