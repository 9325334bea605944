/**
 * The settings of `metrics`: which ledger (GitHub with `repository`, else the local file), which
 * environment (default: all), the window (`since`, `until`), the recovery target, and the CLI's
 * `--format`. Each value is checked here; the window is resolved against the clock by the command.
 */
import { parseDuration, parseInstant } from "../core/metrics/window.ts";
import { invalidInput } from "../errors.ts";
import { environmentOf, repositoryOf } from "./names.ts";
import { type NotifySettings, notifyOf } from "./read-notify.ts";
import { optional, type RawSource, raw } from "./values.ts";

export interface MetricsSettings {
  workingDirectory: string;
  repository: { owner: string; repo: string } | null;
  ledgerFile: string | null;
  environment: string | null;
  /** As written: a duration back from `until`, or an instant. */
  since: string;
  /** Null: now. */
  until: Date | null;
  recoveryTargetSeconds: number | null;
  format: "text" | "csv";
  /** `notify-url` and `notify-format`: the webhooks sent the `metrics` event (the weekly digest). */
  notify: NotifySettings;
}

export function readMetricsSettings(source: RawSource): MetricsSettings {
  const since = raw(source, "since").trim();
  if (parseDuration(since) === null && parseInstant(since) === null) {
    throw invalidInput(
      "since",
      since,
      "Expected a duration (`30d`, `12h`, `2w`) or a date (`2026-11-01`, or `2026-11-01T09:00:00Z` with its zone).",
    );
  }
  const untilText = optional(raw(source, "until"));
  const until = untilText === null ? null : parseInstant(untilText);
  if (untilText !== null && until === null) {
    throw invalidInput(
      "until",
      untilText,
      "Expected a date (`2026-12-01`, or `2026-12-01T09:00:00Z` with its zone).",
    );
  }
  const targetText = optional(raw(source, "recovery-target"));
  const recoveryTargetSeconds = targetText === null ? null : parseDuration(targetText);
  if (targetText !== null && recoveryTargetSeconds === null) {
    throw invalidInput("recovery-target", targetText, "Expected a duration such as `15m`, `4h` or `1d`.");
  }
  const format = raw(source, "format").trim().toLowerCase();
  if (format !== "text" && format !== "csv")
    throw invalidInput("format", format, "Expected `text` or `csv`.");
  return {
    workingDirectory: raw(source, "working-directory"),
    repository: repositoryOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
    environment: environmentOf(source, false),
    since,
    until,
    recoveryTargetSeconds,
    format,
    // Whatever notify-on says for the other commands, a metrics run's webhooks hear its digest.
    notify: { ...notifyOf(source, false), on: ["metrics"] },
  };
}
