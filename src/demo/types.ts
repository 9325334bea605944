/** What the demo reports: its steps as they happen, and the whole story at the end. */
import type { TimelineEntry } from "../steps/timeline.ts";

export interface DemoOptions {
  /** Leave the folder behind (the servers are stopped all the same). */
  keep: boolean;
  /** The Node binary the app servers and routers run on: the CLI's own. */
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

/** An environment of the demo: its router's port and URL, and the ports of its two app slots. */
export interface DemoEnvironment {
  name: string;
  port: number;
  slots: [number, number];
  url: string;
}

export interface DemoStep {
  /** A short name for the timeline: "deploy v1.0.0". */
  label: string;
  /** What happened, in one sentence. */
  title: string;
  details: string[];
  /** The step went as the demo expects (for the v1.1.0 deploys: blocked, or failed and rolled back). */
  ok: boolean;
  /** What the product reported failed or refused (the v1.1.0 deploys do, on purpose). */
  failed: boolean;
  /** When the step ended, since the demo started. */
  atMs: number;
  durationMs: number;
  /** The command's own timeline (deploy, smoke), when it has one. */
  timeline: TimelineEntry[];
}

export interface DemoDeploy {
  environment: string;
  version: string;
  /** `blocked`: require-verified-in refused it; nothing was deployed or recorded. */
  status: "success" | "failure" | "blocked";
  message: string;
  /** The gate's refusal, when blocked. */
  blocked: { code: string; message: string; remedy: string } | null;
  /** What require-verified-in found, per environment it names (empty when not asked). */
  gate: { environment: string; state: string }[];
  /** The traffic steps taken, in order (empty for a plain deploy). */
  steps: { percent: number; verdict: string; failure: string | null }[];
  /** How sending all traffic back to the stable version went, after a failed step. */
  trafficRevert: { ok: boolean; failure: string | null } | null;
  smokeVerdict: string | null;
  checks: DemoCheck[];
  rollback: { toVersion: string; status: string; detail: string } | null;
}

export interface DemoCheck {
  name: string;
  verdict: string;
  cause: string | null;
  detail: string;
  attempts: number;
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
  /**
   * The loop behaved as it should: v1.0.0 verified in staging then promoted to production, v1.1.0
   * blocked from production, failed as a canary in staging and rolled back, both verified again.
   */
  ok: boolean;
  message: string;
  /** What did not go as expected (empty when ok). */
  problems: string[];
  folder: string;
  kept: boolean;
  /** Each environment and the URL of its router (its public address). */
  environments: { name: string; url: string }[];
  durationMs: number;
  steps: DemoStep[];
  releases: { version: string; tag: string; sha: string }[];
  deploys: DemoDeploy[];
  /** The checks run again at the end, and the version each environment serves then. */
  verifications: { environment: string; verdict: string; serving: string | null; checks: DemoCheck[] }[];
  ledgerFile: string;
  ledger: LedgerRow[];
  /** What the team's webhook (a receiver on loopback) was told, in order. */
  notifications: { event: string; headline: string }[];
  /** The incident report of the rollback (`.shipguard/incidents/<correlation id>.md`), if written. */
  incidentFile: string | null;
  /** Every app server and router the deploy command started, and whether it is gone now. */
  servers: { pid: number; stopped: boolean }[];
}
