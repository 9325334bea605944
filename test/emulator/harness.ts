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
  return {
    emulator,
    repo,
    api,
    dispose: async () => {
      await emulator.close();
      repo.remove();
    },
  };
}
