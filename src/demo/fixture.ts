/**
 * The demo's world: a git repository made from scratch, builds exported from its tags, and free
 * loopback ports for its servers. Fixtures only: the product's own steps run through the registry.
 */
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { GitCli } from "../adapters/git-cli.ts";
import { childEnvironment } from "../registry/compose.ts";

/**
 * The environment of git, the restart command and the checks: this process's (without action
 * inputs or tokens, as the CLI passes it), a fixed git identity, and no user or system git
 * configuration, so a signing or hook setting cannot get in the way.
 */
export function demoEnvironment(
  base: NodeJS.ProcessEnv,
  extra: Record<string, string>,
): Record<string, string> {
  const env = childEnvironment(base);
  for (const name of Object.keys(env)) {
    if (name.startsWith("GIT_") || name === "SHIPGUARD_VERSION") delete env[name];
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: "shipguard demo",
    GIT_AUTHOR_EMAIL: "demo@shipguard.invalid",
    GIT_COMMITTER_NAME: "shipguard demo",
    GIT_COMMITTER_EMAIL: "demo@shipguard.invalid",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_CONFIG_COUNT: "3",
    GIT_CONFIG_KEY_0: "commit.gpgsign",
    GIT_CONFIG_VALUE_0: "false",
    GIT_CONFIG_KEY_1: "tag.gpgsign",
    GIT_CONFIG_VALUE_1: "false",
    GIT_CONFIG_KEY_2: "core.hooksPath",
    GIT_CONFIG_VALUE_2: os.devNull,
    ...extra,
  };
}

/** Writes the files under `folder` at `tag` into `out`, as a build would export them. */
export async function exportFolder(git: GitCli, tag: string, folder: string, out: string): Promise<string[]> {
  const files = await git.filesAt(tag, folder);
  if (files.length === 0) throw new Error(`${tag} has no files under ${folder}/`);
  for (const file of files) {
    const target = path.join(out, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content, { mode: file.mode === "100755" ? 0o755 : 0o644 });
  }
  return files.map((file) => file.path);
}

/**
 * Loopback ports nobody listens on right now (the demo's servers bind them a moment later), all
 * different: each is held open until every one is found.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const server = net.createServer();
      servers.push(server);
      ports.push(await listen(server));
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      if (port > 0) resolve(port);
      else reject(new Error("no free loopback port"));
    });
  });
}
