/**
 * The demo's story, step by step: each step is the product's own command, fed through the same
 * registry, settings schema and wiring as the CLI's flags; the story adds the narration and what
 * it expects of each step.
 */
import { readdir, readlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { GitCli } from "../adapters/git-cli.ts";
import type { DeployResult } from "../commands/deploy.ts";
import type { RunContext } from "../context.ts";
import type { CheckReport, Logger, SmokeReport } from "../ports.ts";
import { CompositionRoot } from "../registry/compose.ts";
import { COMMAND_REGISTRY, type Presentation } from "../registry/index.ts";
import type { CommandName } from "../settings.ts";
import type { TimelineEntry } from "../steps/timeline.ts";
import { demoChecks } from "./app.ts";
import { exportFolder } from "./fixture.ts";
import type { DemoReceiver } from "./receiver.ts";
import type { DemoDeploy, DemoNarrator, DemoResult, DemoStep } from "./types.ts";

export const DEMO_ENVIRONMENT = "production";
export const GOOD = "1.0.0";
export const BAD = "1.1.0";

/** The part of `release --json` the demo reads. */
interface ReleaseJson {
  version: string | null;
  tag: string | null;
  sha: string;
  reason: string;
  released: boolean;
  tagSha: string | null;
}

export interface DemoDirs {
  folder: string;
  repo: string;
  build: string;
  server: string;
}

export class DemoStory {
  readonly result: DemoResult;
  /** git in the demo's repository, through the product's adapter, with the demo's environment. */
  readonly git: GitCli;
  readonly root: CompositionRoot;
  private readonly settings: Record<string, string>;
  private readonly started = performance.now();
  private last = this.started;

  constructor(
    private readonly dirs: DemoDirs,
    env: Record<string, string>,
    private readonly narrator: DemoNarrator,
    port: number,
    keep: boolean,
    notifyUrl: string,
  ) {
    const appUrl = `http://127.0.0.1:${port}`;
    const logger = demoLogger(narrator, dirs.folder);
    this.git = new GitCli(dirs.repo, logger, env);
    this.root = new CompositionRoot(demoContext(dirs.repo, logger, env));
    this.settings = {
      "working-directory": dirs.repo,
      environment: DEMO_ENVIRONMENT,
      strategy: "symlink",
      "release-source": path.join(dirs.build, "${SHIPGUARD_VERSION}"),
      "releases-dir": path.join(dirs.server, "releases"),
      "restart-command": 'sh "$DEMO_SERVER_DIR/restart.sh"',
      "deploy-timeout-minutes": "1",
      checks: demoChecks(port),
      "environment-url": appUrl,
      "on-failure": "rollback",
      "notify-url": notifyUrl,
      "incident-issue": "true",
    };
    this.result = {
      ok: false,
      message: "",
      problems: [],
      folder: dirs.folder,
      kept: keep,
      appUrl,
      durationMs: 0,
      steps: [],
      releases: [],
      deploys: [],
      verification: null,
      ledgerFile: path.join(dirs.repo, ".shipguard", "deployments.jsonl"),
      ledger: [],
      notifications: [],
      incidentFile: null,
      servers: [],
    };
  }

  /** Records a problem when the condition does not hold; returns the condition. */
  expect(condition: boolean, problem: string): boolean {
    if (!condition) this.result.problems.push(problem);
    return condition;
  }

  begin(title: string): void {
    this.last = performance.now();
    this.narrator.begin(title);
  }

  step(
    label: string,
    title: string,
    ok: boolean,
    more: { details?: string[]; timeline?: TimelineEntry[]; failed?: boolean; at?: number } = {},
  ): void {
    const now = more.at ?? performance.now();
    const entry: DemoStep = {
      label,
      title,
      details: more.details ?? [],
      ok,
      failed: more.failed ?? !ok,
      atMs: Math.round(now - this.started),
      durationMs: Math.round(now - this.last),
      timeline: more.timeline ?? [],
    };
    this.last = now;
    this.result.steps.push(entry);
    this.narrator.end(entry);
  }

  /** One of the product's commands, with the demo's settings and these on top. */
  private async command(name: CommandName, extra: Record<string, string>): Promise<Presentation> {
    const source = (option: string) => extra[option] ?? this.settings[option];
    return (await COMMAND_REGISTRY[name].load()).execute(source, this.root);
  }

  async release(expected: string): Promise<string | null> {
    this.begin(`Releasing the commits since the last tag (shipguard release)`);
    const r = (await this.command("release", {})).json as ReleaseJson;
    const tag = r.tag ?? "";
    const ok = this.expect(
      r.released && r.version === expected && r.tagSha !== null,
      `the release should have tagged v${expected}; it ${r.released ? `tagged ${tag}` : "released nothing"}`,
    );
    if (r.released && r.tagSha !== null && r.version !== null) {
      this.result.releases.push({ version: r.version, tag, sha: r.tagSha });
    }
    const title = r.released
      ? `Released ${tag}: an annotated tag on ${r.sha.slice(0, 7)}.`
      : "Nothing released.";
    this.step(`release v${expected}`, title, ok, { details: [r.reason] });
    return ok ? tag : null;
  }

  async build(tag: string, version: string): Promise<void> {
    const out = path.join(this.dirs.build, version);
    const files = await exportFolder(this.git, tag, "app", out);
    await writeFile(path.join(out, "VERSION"), `${version}\n`);
    const title = `Built ${tag}: app/ at the tag (${files.join(", ")}) and its VERSION, in build/${version}.`;
    this.step(`build ${tag}`, title, true);
  }

  async deploy(version: string, shouldPass: boolean): Promise<DeployResult> {
    this.begin(
      `Deploying v${version} to ${DEMO_ENVIRONMENT} (symlink strategy, app on ${this.result.appUrl})`,
    );
    const outcome = await this.command("deploy", { version });
    const r = outcome.json as DeployResult;
    this.result.deploys.push({
      version,
      status: r.status,
      message: r.message,
      smokeVerdict: r.smoke?.verdict ?? null,
      checks: checksOf(r.smoke),
      rollback:
        r.rollback === null
          ? null
          : { toVersion: r.rollback.toVersion, status: r.rollback.status, detail: r.rollback.detail },
    });
    if (shouldPass) {
      const ok = this.expect(
        outcome.ok,
        `v${version} should have deployed and passed its checks: ${r.message}`,
      );
      const title = ok
        ? `v${version} deployed and verified: ${describeChecks(r.smoke)}.`
        : `v${version} did not deploy: ${r.message}`;
      this.step(`deploy v${version}`, title, ok, { timeline: r.timeline });
    } else {
      this.failedDeploy(version, outcome, r);
    }
    return r;
  }

  /** One call did both (the rollback runs inside the deploy): told as two steps, split where the rollback started. */
  private failedDeploy(version: string, outcome: Presentation, r: DeployResult): void {
    const failed = this.expect(
      !outcome.ok && r.smoke?.verdict === "fail",
      `v${version} should have failed its checks; ${r.message}`,
    );
    const rolledBack = this.expect(
      r.rollback?.status === "success" && r.rollback.toVersion === GOOD,
      `a rollback to v${GOOD} should have run and passed; ${r.rollback === null ? "none ran" : r.rollback.detail}`,
    );
    const split = r.timeline.findIndex((e) => e.step === "start the rollback");
    const rollbackMs = r.timeline
      .slice(split === -1 ? r.timeline.length : split)
      .reduce((t, e) => t + e.durationMs, 0);
    const end = performance.now();
    this.step(
      `deploy v${version}: checks fail`,
      failed ? `v${version} failed its checks: ${describeChecks(r.smoke)}.` : r.message,
      failed,
      {
        timeline: split === -1 ? r.timeline : r.timeline.slice(0, split),
        failed: !outcome.ok,
        at: end - rollbackMs,
      },
    );
    this.step(
      `roll back to v${GOOD} (automatic)`,
      rolledBack
        ? `Rolled back to v${GOOD} automatically, in the same process: ${r.rollback?.detail ?? ""}`
        : `The rollback did not go as it should: ${r.rollback?.detail ?? "none was started"}`,
      rolledBack,
      { timeline: split === -1 ? [] : r.timeline.slice(split), failed: !rolledBack, at: end },
    );
  }

  /** What the team was told about the failed deploy: the webhook's events and the incident file. */
  async told(receiver: DemoReceiver): Promise<void> {
    this.begin("Reading what the team was told (a webhook receiver on loopback, and the incident file)");
    const got = receiver.events.map((e) => ({ event: e.event, headline: e.headline }));
    this.result.notifications = got;
    const folder = path.join(this.dirs.repo, ".shipguard", "incidents");
    const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith(".md"));
    this.result.incidentFile = files.length === 1 ? path.join(folder, files[0]!) : null;
    const heard = this.expect(
      got.map((e) => e.event).join(", ") === "verify-failed, rolled-back",
      `the webhook should have got verify-failed, then rolled-back; it got ${got.map((e) => e.event).join(", ") || "nothing"}`,
    );
    const recorded = this.expect(
      files.length === 1,
      `one incident report should be in .shipguard/incidents/; there are ${files.length}`,
    );
    this.step(
      "tell the team",
      `The webhook got ${got.length} event(s); the incident report is in ${this.result.incidentFile === null ? "(none)" : path.relative(this.dirs.repo, this.result.incidentFile)}.`,
      heard && recorded,
      { details: got.map((e) => `${e.event}: ${e.headline}`) },
    );
  }

  async verify(): Promise<void> {
    this.begin(`Verifying ${DEMO_ENVIRONMENT} again (shipguard smoke against v${GOOD})`);
    const outcome = await this.command("smoke", { version: GOOD });
    const report = outcome.json as SmokeReport;
    const current = await readlink(path.join(this.dirs.server, "current")).catch(() => null);
    this.result.verification = { verdict: report.verdict, current, checks: checksOf(report) };
    const served = this.expect(
      current === path.join("releases", GOOD),
      `current should point at releases/${GOOD}`,
    );
    const passed = this.expect(
      outcome.ok,
      `the checks against v${GOOD} should pass again: ${outcome.message}`,
    );
    this.step(
      `verify v${GOOD} again`,
      `${passed ? "Verified" : "NOT verified"}: ${describeChecks(report)}; current -> ${current ?? "(missing)"}.`,
      served && passed,
    );
  }

  finish(): DemoResult {
    const r = this.result;
    r.ok = r.problems.length === 0 && r.verification !== null;
    r.message = r.ok
      ? `Rolled back to v${GOOD}: verified.`
      : `The demo did not go as expected: ${r.problems.join("; ") || "it stopped early"}.`;
    r.durationMs = Math.round(performance.now() - this.started);
    return r;
  }
}

function demoContext(repoDir: string, logger: Logger, env: Record<string, string>): RunContext {
  return {
    host: "cli",
    workspace: repoDir,
    logger,
    env,
    github: { token: "", apiUrl: "", defaultBranch: null },
    serverUrl: null,
    repository: null,
    branch: null,
    runUrl: null,
    actor: "shipguard demo",
    registerSecret: () => {},
  };
}

function checksOf(report: SmokeReport | null): DemoDeploy["checks"] {
  return (report?.checks ?? []).map((c: CheckReport) => ({
    name: c.name,
    verdict: c.verdict,
    cause: c.cause,
    detail: c.detail,
    attempts: c.attempts,
  }));
}

/** "health FAILED after 1.3 s (status: status 500, expected 2xx; ...), version passed". */
function describeChecks(report: SmokeReport | null): string {
  if (report === null) return "no checks ran";
  return report.checks
    .map((c) =>
      c.verdict === "pass"
        ? `${c.name} passed`
        : `${c.name} ${c.verdict === "fail" ? "FAILED" : c.verdict} after ${(c.timings.elapsedMs / 1000).toFixed(1)} s (${c.cause ?? "?"}: ${c.detail})`,
    )
    .join(", ");
}

/** The product's log lines go to the narrator, with the folder shown as a relative path. */
function demoLogger(narrator: DemoNarrator, folder: string): Logger {
  const shorten = (text: string) => text.split(`${folder}${path.sep}`).join("").split(folder).join(".");
  const lines = (level: "debug" | "info" | "warning") => (text: string) => {
    for (const line of shorten(text).split("\n")) if (line.trim() !== "") narrator.log(level, line);
  };
  return { debug: lines("debug"), info: lines("info"), warning: lines("warning"), untrusted: lines("info") };
}
