/** What the demo reports: its steps as they happen, and the whole story at the end. */
import type { TimelineEntry } from "../steps/timeline.ts";

export interface DemoOptions {
  /** Leave the folder behind (the server is stopped all the same). */
  keep: boolean;
  /** The Node binary the app server runs on: the CLI's own. */
  node: string;
  /** The environment to start from (the CLI's process environment). */
  env: NodeJS.ProcessEnv;
  narrator: DemoNarrator;
}

/** Receives the story as it happens; the CLI prints it, `--json` collects it. */
export interface DemoNarrator {
  begin(title: string): void;
  /** A line the product logged, with the demo folder shown as a relative path. */
  log(level: "debug" | "info" | "warning", line: string): void;
  end(step: DemoStep): void;
}

export interface DemoStep {
  /** A short name for the timeline: "deploy v1.0.0". */
  label: string;
  /** What happened, in one sentence. */
  title: string;
  details: string[];
  /** The step went as the demo expects (for the v1.1.0 deploy: it failed, and was rolled back). */
  ok: boolean;
  /** What the product reported failed (the v1.1.0 deploy does, on purpose). */
  failed: boolean;
  /** When the step ended, since the demo started. */
  atMs: number;
  durationMs: number;
  /** The command's own timeline (deploy, smoke), when it has one. */
  timeline: TimelineEntry[];
}

export interface DemoDeploy {
  version: string;
  status: "success" | "failure" | "blocked";
  message: string;
  smokeVerdict: string | null;
  checks: { name: string; verdict: string; cause: string | null; detail: string; attempts: number }[];
  rollback: { toVersion: string; status: string; detail: string } | null;
}

/** One line of the ledger file, flattened for a table. */
export interface LedgerRow {
  time: string;
  environment: string;
  version: string;
  kind: string;
  /** `created` for the line recording the deployment itself, else the status' state. */
  state: string;
  id: string;
  description: string;
}

export interface DemoResult {
  /** The loop behaved as it should: v1.0.0 good, v1.1.0 failed, back on v1.0.0 and verified. */
  ok: boolean;
  message: string;
  /** What did not go as expected (empty when ok). */
  problems: string[];
  folder: string;
  kept: boolean;
  appUrl: string;
  durationMs: number;
  steps: DemoStep[];
  releases: { version: string; tag: string; sha: string }[];
  deploys: DemoDeploy[];
  verification: { verdict: string; current: string | null; checks: DemoDeploy["checks"] } | null;
  ledgerFile: string;
  ledger: LedgerRow[];
  /** What the team's webhook (a receiver on loopback) was told, in order. */
  notifications: { event: string; headline: string }[];
  /** The incident report of the rollback (`.shipguard/incidents/<correlation id>.md`), if written. */
  incidentFile: string | null;
  /** Every app server the restart command started, and whether it is gone now. */
  servers: { pid: number; stopped: boolean }[];
}
