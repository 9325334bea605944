import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GitFixture, type GitFixtureOptions, makeGitFixture } from "./git-fixture.ts";
import type { EmulatorOptions } from "./options.ts";
import { type Emulator, startEmulator } from "./server.ts";

/** An emulator on a fresh git fixture, with a small fetch client: what the emulator's own tests use. */

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Harness {
  emulator: Emulator;
  repo: GitFixture;
  /** Calls the API as the token's owner; `path` may omit "/repos/acme/app". */
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer<T>>;
  /** A clone of GitHub's copy fetched with real git, checked out on `branch`; removed on dispose. */
  clone(branch?: string): string;
  dispose(): Promise<void>;
}

export async function launch(
  options: Partial<EmulatorOptions> = {},
  fixture: GitFixtureOptions = {},
): Promise<Harness> {
  const repo = makeGitFixture(fixture);
  const emulator = await startEmulator({ gitDir: repo.dir, ...options });
  const api: Harness["api"] = async (method, path, body, headers = {}) => {
    const url = path.startsWith("/repos/") ? path : `/repos/acme/app${path}`;
    const response = await fetch(`${emulator.url}${url}`, {
      method,
      headers: {
        authorization: `token ${emulator.options.token}`,
        accept: "application/vnd.github+json",
        ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === "" ? undefined : JSON.parse(text)) as never,
    };
  };
  const clones: string[] = [];
  return {
    emulator,
    repo,
    api,
    clone: (branch = "main") => {
      const dir = mkdtempSync(join(tmpdir(), "shipguard-emulator-clone-"));
      clones.push(dir);
      execFileSync("git", ["clone", "--quiet", "--branch", branch, "--", repo.dir, dir]);
      return dir;
    },
    dispose: async () => {
      await emulator.close();
      repo.remove();
      for (const dir of clones) rmSync(dir, { recursive: true, force: true });
    },
  };
}
