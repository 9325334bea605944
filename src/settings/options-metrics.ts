/**
 * The options only `metrics` reads: options.ts spreads them into OPTIONS, which checks their
 * shape (no import back, so no cycle).
 */
export const METRICS_OPTIONS = [
  {
    name: "since",
    description:
      "`metrics`: where the window starts (included): a duration back from `until` (`30d`, `12h`, `2w`) or a date (`2026-11-01`, or `2026-11-01T09:00:00Z` with its zone); at most ten years before `until`.",
    default: "30d",
    commands: ["metrics"],
  },
  {
    name: "until",
    description:
      "`metrics`: where the window ends (excluded): a date (`2026-12-01`, or a date and time with its zone). Default: now.",
    commands: ["metrics"],
  },
  {
    name: "recovery-target",
    description:
      "`metrics`: a recovery target (RTO) such as `15m`, `4h` or `1d`: the report gives the share of recoveries within it.",
    commands: ["metrics"],
  },
  {
    name: "format",
    description:
      "`metrics`: `text` (tables) or `csv` (one row per deployment of the window with its computed fields, on stdout).",
    default: "text",
    commands: ["metrics"],
    cliOnly: true,
  },
] as const;
