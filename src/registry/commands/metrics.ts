import { type MetricsResult, runMetricsCommand } from "../../commands/metrics.ts";
import { metricsMessage, metricsOutputs, metricsText } from "../../presenters/metrics.ts";
import { metricsCsv } from "../../presenters/metrics-csv.ts";
import { metricsEvent } from "../../presenters/metrics-event.ts";
import { metricsSummary } from "../../presenters/metrics-summary.ts";
import { type MetricsSettings, readMetricsSettings } from "../../settings.ts";
import { eventContext } from "../announce.ts";
import { register } from "../command.ts";

/**
 * Delivery metrics from the ledger: GitHub Deployments with `repository` (and a token with
 * `deployments: read`), else the local ledger file; git gives the commits' dates.
 */
export const metricsCommand = register<MetricsSettings, MetricsResult>({
  read: readMetricsSettings,
  async run(settings, root) {
    const repoDir = root.repoDir(settings.workingDirectory);
    const github = await root.github(settings.repository, "metrics");
    const ledger = await root.ledger(github, repoDir, settings.ledgerFile, { existing: true });
    const ports = { ledger, git: root.git(settings.workingDirectory), logger: root.context.logger };
    return runMetricsCommand(settings, ports, new Date());
  },
  present(result, settings) {
    const message = metricsMessage(result);
    const csv = settings.format === "csv";
    return {
      ok: true,
      message,
      problem: null,
      outputs: metricsOutputs(result.report.json),
      summary: metricsSummary(result),
      // With --format csv the table goes to stdout and this sentence to stderr.
      text: csv ? `${message}\n` : metricsText(result),
      ...(csv ? { document: metricsCsv(result.report.rows) } : {}),
      json: result.report.json,
    };
  },
  // The weekly digest: with notify-url, the `metrics` event in the webhooks' format.
  announce: (result, settings, root) => ({
    notify: settings.notify,
    events: [metricsEvent(result, eventContext(root, settings, null))],
    incident: null,
    where: settings,
  }),
});
