/**
 * The demo's story, step by step: each step is the product's own command, fed through the same
 * registry, settings schema and wiring as the CLI's flags; the story adds the narration and what
 * it expects of each step.
 */
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { GitCli } from "../adapters/git-cli.ts";
import { NEVER_CANCELLED, type RunContext } from "../context.ts";
import type { Logger, SmokeReport } from "../ports.ts";
import { CompositionRoot } from "../registry/compose.ts";
import { COMMAND_REGISTRY, type Presentation } from "../registry/index.ts";
import type { CommandName } from "../settings.ts";
import type { TimelineEntry } from "../steps/timeline.ts";
import { demoChecks } from "./app.ts";
import { checksOf, describeChecks, servedVersion } from "./check-view.ts";
import { exportFolder } from "./fixture.ts";
import type { DemoReceiver } from "./receiver.ts";
import type { DemoEnvironment, DemoNarrator, DemoResult, DemoStep } from "./types.ts";

export const GOOD = "1.0.0";
export const BAD = "1.1.0";
/** The canary's traffic steps, in percent of the environment's requests. */
export const TRAFFIC_STEPS = "10, 50, 100";

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
    readonly environments: DemoEnvironment[],
    keep: boolean,
    notifyUrl: string,
  ) {
    const logger = demoLogger(narrator, dirs.folder);
    this.git = new GitCli(dirs.repo, logger, env);
    this.root = new CompositionRoot(demoContext(dirs.repo, logger, env));
    this.settings = {
      "working-directory": dirs.repo,
      strategy: "command",
      "prepare-command": 'sh "$DEMO_SERVER_DIR/stage.sh"',
      "deploy-command": 'sh "$DEMO_SERVER_DIR/traffic.sh"',
      "deploy-timeout-minutes": "1",
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
      environments: environments.map((e) => ({ name: e.name, url: e.url })),
      durationMs: 0,
      steps: [],
      releases: [],
      deploys: [],
      verifications: [],
      ledgerFile: path.join(dirs.repo, ".shipguard", "deployments.jsonl"),
      ledger: [],
      notifications: [],
      incidentFile: null,
      servers: [],
    };
  }

  environment(name: string): DemoEnvironment {
    const found = this.environments.find((e) => e.name === name);
    if (found === undefined) throw new Error(`the demo has no environment ${name}`);
    return found;
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

  /**
   * One of the product's commands, with the demo's settings, the environment's (its checks and
   * URL) when one is named, and these on top.
   */
  async command(
    name: CommandName,
    environment: DemoEnvironment | null,
    extra: Record<string, string>,
  ): Promise<Presentation> {
    const own: Record<string, string> =
      environment === null
        ? {}
        : {
            environment: environment.name,
            checks: demoChecks(environment.port),
            "environment-url": environment.url,
          };
    const source = (option: string) => extra[option] ?? own[option] ?? this.settings[option];
    return (await COMMAND_REGISTRY[name].load()).execute(source, this.root);
  }

  async release(expected: string): Promise<string | null> {
    this.begin(`Releasing the commits since the last tag (shipguard release)`);
    const r = (await this.command("release", null, {})).json as ReleaseJson;
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

  /**
   * What the team was told: the webhook's events (both releases, the blocked promotion, the failed
   * canary, its rollback) and the incident file of the rollback.
   */
  async told(receiver: DemoReceiver): Promise<void> {
    this.begin("Reading what the team was told (a webhook receiver on loopback, and the incident file)");
    const got = receiver.events.map((e) => ({ event: e.event, headline: e.headline }));
    this.result.notifications = got;
    const folder = path.join(this.dirs.repo, ".shipguard", "incidents");
    const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => f.endsWith(".md"));
    this.result.incidentFile = files.length === 1 ? path.join(folder, files[0]!) : null;
    const wanted = "released, released, blocked, verify-failed, rolled-back";
    const heard = this.expect(
      got.map((e) => e.event).join(", ") === wanted,
      `the webhook should have got ${wanted}; it got ${got.map((e) => e.event).join(", ") || "nothing"}`,
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

  /** Each environment's checks again, against the good version, and what its router serves now. */
  async verify(): Promise<void> {
    this.begin(
      `Verifying ${this.environments.map((e) => e.name).join(" and ")} again (shipguard smoke against v${GOOD})`,
    );
    const told: string[] = [];
    let ok = true;
    for (const environment of this.environments) {
      const outcome = await this.command("smoke", environment, { version: GOOD });
      const report = outcome.json as SmokeReport;
      const serving = await servedVersion(environment);
      this.result.verifications.push({
        environment: environment.name,
        verdict: report.verdict,
        serving,
        checks: checksOf(report),
      });
      const served = this.expect(
        serving === GOOD,
        `${environment.name} should serve ${GOOD}; it serves ${serving ?? "nothing"}`,
      );
      const passed = this.expect(
        outcome.ok,
        `the checks of ${environment.name} against v${GOOD} should pass again: ${outcome.message}`,
      );
      ok &&= served && passed;
      told.push(
        `${environment.name} serves v${serving ?? "(nothing)"} (${passed ? "" : "NOT verified: "}${describeChecks(report)})`,
      );
    }
    this.step(`verify v${GOOD} again`, `${ok ? "Verified" : "NOT verified"}: ${told.join("; ")}.`, ok);
  }

  finish(): DemoResult {
    const r = this.result;
    r.ok = r.problems.length === 0 && r.verifications.length === this.environments.length;
    r.message = r.ok
      ? `v${GOOD} serves ${this.environments.map((e) => e.name).join(" and ")}, verified: v${BAD} was kept out of production and rolled back from staging.`
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
    // The demo's own Ctrl-C handling stops its servers and folder (run-demo.ts).
    cancellation: NEVER_CANCELLED,
    redact: (text) => text,
  };
}

/** The product's log lines go to the narrator, with the folder shown as a relative path. */
function demoLogger(narrator: DemoNarrator, folder: string): Logger {
  const shorten = (text: string) => text.split(`${folder}${path.sep}`).join("").split(folder).join(".");
  const lines = (level: "debug" | "info" | "warning") => (text: string) => {
    for (const line of shorten(text).split("\n")) if (line.trim() !== "") narrator.log(level, line);
  };
  return { debug: lines("debug"), info: lines("info"), warning: lines("warning"), untrusted: lines("info") };
}
