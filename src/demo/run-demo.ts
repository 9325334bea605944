/**
 * `shipguard demo`: the whole loop on this machine, in a temporary folder, with no network and no
 * GitHub. It makes a git repository with conventional commits and a tiny HTTP app, releases
 * v1.0.0, deploys it with the `symlink` strategy to a real server on a loopback port and verifies
 * it; then releases a change that breaks the app, deploys it, watches its checks fail and the
 * rollback to v1.0.0 that follows in the same process, and verifies again.
 *
 * The story (story.ts) runs the product's own commands; this file owns the folder, the app's
 * environment and the cleanup: the app server is always stopped and the folder removed (unless
 * `--keep`), also after a failure or Ctrl-C.
 */
import { rmSync } from "node:fs";
import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describeFailure, shipguardError } from "../errors.ts";
import { BREAKING_CHANGE, type DemoCommit, FIRST_RELEASE, GITIGNORE, RESTART_SCRIPT } from "./app.ts";
import { demoEnvironment, freePort } from "./fixture.ts";
import { finalStates, readLedger } from "./ledger-view.ts";
import { type DemoReceiver, startReceiver } from "./receiver.ts";
import { recordedPids, signalServer, stopServers } from "./servers.ts";
import { BAD, type DemoDirs, DemoStory, GOOD } from "./story.ts";
import type { DemoOptions, DemoResult } from "./types.ts";

/** Whether a process still runs (a zombie counts as gone): the process runner's answer. */
export { processAlive as isRunning } from "../adapters/process/kill-group.ts";
export { DEMO_ENVIRONMENT } from "./story.ts";
export type * from "./types.ts";

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

  const port = await freePort();
  const env = demoEnvironment(options.env, {
    DEMO_NODE: options.node,
    DEMO_SERVER_DIR: dirs.server,
    APP_PORT: String(port),
    APP_PID_FILE: path.join(dirs.server, "app.pid"),
  });
  const receiver = await startReceiver();
  const story = new DemoStory(dirs, env, options.narrator, port, options.keep, receiver.url);
  try {
    await tell(story, dirs, receiver);
  } catch (error) {
    story.result.problems.push(`the demo stopped: ${describeFailure(error)}`);
  } finally {
    await receiver.close();
    story.result.servers = await stopServers(pidsFile);
    // A pid file left behind would name a process that is gone.
    await rm(path.join(dirs.server, "app.pid"), { force: true });
    for (const server of story.result.servers)
      story.expect(server.stopped, `the app server ${server.pid} could not be stopped`);
    if (!options.keep) await rm(folder, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return story.finish();
}

/**
 * The story itself: good release, deploy, verify; broken release, failed checks, rollback, what
 * the team was told, verify.
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
  await mkdir(dirs.server, { recursive: true });
  await writeFile(path.join(dirs.server, "restart.sh"), RESTART_SCRIPT, { mode: 0o755 });
  await story.git.init("main");
  await writeFile(path.join(dirs.repo, ".gitignore"), GITIGNORE);
  for (const c of FIRST_RELEASE) await commit(c);
  story.step(
    "make the repository and the app",
    `Made a git repository with ${FIRST_RELEASE.length} conventional commits and a tiny HTTP app (app/server.mjs).`,
    true,
    { details: FIRST_RELEASE.map((c) => c.message) },
  );

  const goodTag = await story.release(GOOD);
  if (goodTag !== null) {
    await story.build(goodTag, GOOD);
    const first = await story.deploy(GOOD, true);
    if (first.status === "success") {
      story.begin("Committing a change that breaks the app");
      await commit(BREAKING_CHANGE);
      story.step(
        "commit the breaking change",
        `Committed "${BREAKING_CHANGE.message}": /health now throws, so it answers 500.`,
        true,
      );
      const badTag = await story.release(BAD);
      if (badTag !== null) {
        await story.build(badTag, BAD);
        const second = await story.deploy(BAD, false);
        await story.told(receiver);
        if (second.rollback?.status === "success") await story.verify();
      }
    }
  }
  story.result.ledger = await readLedger(story.result.ledgerFile, story.root.context.logger);
  const outcomes = finalStates(story.result.ledger);
  const wanted = [`deploy ${GOOD} success`, `deploy ${BAD} failure`, `rollback ${GOOD} success`];
  story.expect(
    outcomes.join(", ") === wanted.join(", "),
    `the ledger should hold ${wanted.join(", ")}; it holds ${outcomes.join(", ") || "nothing"}`,
  );
}
