/**
 * `shipguard demo`: the whole loop on this machine, in a temporary folder, with no network and no
 * GitHub. It makes a git repository with conventional commits and a tiny HTTP app, releases
 * v1.0.0 and deploys it to two environments, each a router on a loopback port in front of the
 * app: to `staging` in traffic steps, then to `production` through the promotion gate
 * (require-verified-in: staging). Then it releases a change that breaks the app: the gate keeps it
 * out of production, and in staging it runs as a canary that fails at its first step, goes back to
 * 0% and is rolled back in the same process. What the team was told, and both environments
 * verified again, close the story.
 *
 * The story (story.ts, deploys.ts) runs the product's own commands; this file owns the folder, the
 * servers' scripts and environment, and the cleanup: every server is always stopped and the folder
 * removed (unless `--keep`), also after a failure or Ctrl-C.
 */
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describeFailure, shipguardError } from "../errors.ts";
import {
  BREAKING_CHANGE,
  type DemoCommit,
  FIRST_RELEASE,
  GITIGNORE,
  ROUTER_SCRIPT,
  STAGE_SCRIPT,
  TRAFFIC_SCRIPT,
} from "./app.ts";
import { canaryFails, canaryPasses, promotionBlocked, promotionPasses } from "./deploys.ts";
import { demoEnvironment, freePorts } from "./fixture.ts";
import { finalStates, readLedger } from "./ledger-view.ts";
import { type DemoReceiver, startReceiver } from "./receiver.ts";
import { recordedPids, signalServer, stopServers } from "./servers.ts";
import { BAD, type DemoDirs, DemoStory, GOOD } from "./story.ts";
import type { DemoEnvironment, DemoOptions, DemoResult } from "./types.ts";

/** Whether a process still runs (a zombie counts as gone): the process runner's answer. */
export { processAlive as isRunning } from "../adapters/process/kill-group.ts";
export type * from "./types.ts";

/** The environments, in the order a version goes through them. */
const ENVIRONMENTS = ["staging", "production"] as const;

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  if (process.platform === "win32") throw shipguardError("SG_DEMO_NEEDS_POSIX", {});
  const folder = await realpath(await mkdtemp(path.join(os.tmpdir(), "shipguard-demo-")));
  const dirs: DemoDirs = {
    folder,
    repo: path.join(folder, "repo"),
    build: path.join(folder, "build"),
    server: path.join(folder, "server"),
  };
  const pidsFile = path.join(dirs.server, "pids");

  // Ctrl-C must not leave a server running or the folder behind.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      for (const pid of recordedPids(pidsFile)) signalServer(pid, "SIGTERM");
      // A git or copy still running may add a file while the folder goes: retried.
      if (!options.keep) rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
    } finally {
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const ports = await freePorts(3 * ENVIRONMENTS.length);
  const environments: DemoEnvironment[] = ENVIRONMENTS.map((name, i) => {
    const [port = 0, a = 0, b = 0] = ports.slice(3 * i, 3 * i + 3);
    return { name, port, slots: [a, b], url: `http://127.0.0.1:${port}` };
  });
  const env = demoEnvironment(options.env, {
    DEMO_NODE: options.node,
    DEMO_SERVER_DIR: dirs.server,
    DEMO_BUILD_DIR: dirs.build,
  });
  const receiver = await startReceiver();
  const story = new DemoStory(dirs, env, options.narrator, environments, options.keep, receiver.url);
  try {
    await tell(story, dirs, receiver);
  } catch (error) {
    story.result.problems.push(`the demo stopped: ${describeFailure(error)}`);
  } finally {
    await receiver.close();
    story.result.servers = await stopServers(pidsFile);
    // A pid file left behind would name a process that is gone.
    for (const { name } of environments) {
      for (const file of ["a.pid", "b.pid", "router.pid"]) {
        await rm(path.join(dirs.server, name, file), { force: true });
      }
    }
    for (const server of story.result.servers)
      story.expect(server.stopped, `the server ${server.pid} could not be stopped`);
    if (!options.keep) await rm(folder, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return story.finish();
}

/** The servers' side: the router, the prepare and deploy commands, each environment's ports. */
async function setUpServers(dirs: DemoDirs, environments: DemoEnvironment[]): Promise<void> {
  await mkdir(dirs.server, { recursive: true });
  await writeFile(path.join(dirs.server, "router.mjs"), ROUTER_SCRIPT);
  await writeFile(path.join(dirs.server, "stage.sh"), STAGE_SCRIPT, { mode: 0o755 });
  await writeFile(path.join(dirs.server, "traffic.sh"), TRAFFIC_SCRIPT, { mode: 0o755 });
  for (const e of environments) {
    await mkdir(path.join(dirs.server, e.name, "releases"), { recursive: true });
    const ports = `PUBLIC_PORT=${e.port}\nSLOT_A_PORT=${e.slots[0]}\nSLOT_B_PORT=${e.slots[1]}\n`;
    await writeFile(path.join(dirs.server, e.name, "ports"), ports);
  }
}

/**
 * The story itself: v1.0.0 released, through staging (in traffic steps) to production (through
 * the gate); v1.1.0 released, kept out of production by the gate, failed as a canary in staging
 * and rolled back; what the team was told; both environments verified.
 */
async function tell(story: DemoStory, dirs: DemoDirs, receiver: DemoReceiver): Promise<void> {
  const commit = async (c: DemoCommit) => {
    for (const [file, text] of Object.entries(c.files)) {
      await mkdir(path.dirname(path.join(dirs.repo, file)), { recursive: true });
      await writeFile(path.join(dirs.repo, file), text);
    }
    await story.git.commitAll(c.message);
  };
  story.begin(`Making a git repository with a tiny HTTP app in ${dirs.folder}`);
  await mkdir(dirs.repo, { recursive: true });
  await setUpServers(dirs, story.environments);
  await story.git.init("main");
  await writeFile(path.join(dirs.repo, ".gitignore"), GITIGNORE);
  for (const c of FIRST_RELEASE) await commit(c);
  story.step(
    "make the repository and the app",
    `Made a git repository with ${FIRST_RELEASE.length} conventional commits and a tiny HTTP app (app/server.mjs).`,
    true,
    {
      details: [
        ...FIRST_RELEASE.map((c) => c.message),
        ...story.environments.map(
          (e) =>
            `${e.name}: a router on ${e.url}, in front of the stable version and, during a canary, the new one`,
        ),
      ],
    },
  );

  await ship(story, commit, receiver);

  story.result.ledger = await readLedger(story.result.ledgerFile, story.root.context.logger);
  const outcomes = finalStates(story.result.ledger);
  const wanted = [
    `staging deploy ${GOOD} success`,
    `production deploy ${GOOD} success`,
    `staging deploy ${BAD} failure`,
    `staging rollback ${GOOD} success`,
  ];
  story.expect(
    outcomes.join(", ") === wanted.join(", "),
    `the ledger should hold ${wanted.join(", ")}; it holds ${outcomes.join(", ") || "nothing"}`,
  );
}

/** Each release and where it goes; stops where a step did not go as the demo expects. */
async function ship(
  story: DemoStory,
  commit: (c: DemoCommit) => Promise<void>,
  receiver: DemoReceiver,
): Promise<void> {
  const staging = story.environment("staging");
  const production = story.environment("production");
  const goodTag = await story.release(GOOD);
  if (goodTag === null) return;
  await story.build(goodTag, GOOD);
  if (!(await canaryPasses(story, staging))) return;
  if (!(await promotionPasses(story, production, staging.name))) return;

  story.begin("Committing a change that breaks the app");
  await commit(BREAKING_CHANGE);
  story.step(
    "commit the breaking change",
    `Committed "${BREAKING_CHANGE.message}": /health now throws, so it answers 500.`,
    true,
  );
  const badTag = await story.release(BAD);
  if (badTag === null) return;
  await story.build(badTag, BAD);
  await promotionBlocked(story, production, BAD, staging.name);
  const canary = await canaryFails(story, staging, BAD);
  await story.told(receiver);
  if (canary.rollback?.status === "success") await story.verify();
}
