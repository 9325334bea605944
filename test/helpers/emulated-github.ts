/**
 * The GitHub forge on the API emulator, with the action's own client (retries and throttling,
 * waits shortened): what the adapter tests of the release's files and pull request share.
 */
import type { TestContext } from "vitest";
import { createClient } from "../../src/adapters/github/client.ts";
import { GitHubForge } from "../../src/adapters/github/forge.ts";
import type { Logger } from "../../src/ports.ts";
import {
  type Emulator,
  type EmulatorOptions,
  type GitFixture,
  type GitFixtureOptions,
  makeGitFixture,
  startEmulator,
} from "../emulator/index.ts";

export interface EmulatedGitHub {
  emulator: Emulator;
  repo: GitFixture;
  forge: GitHubForge;
  warnings: string[];
}

export async function emulatedGitHub(
  ctx: TestContext,
  options: Partial<EmulatorOptions> = {},
  fixture: GitFixtureOptions = {},
): Promise<EmulatedGitHub> {
  const repo = makeGitFixture(fixture);
  const emulator = await startEmulator({ gitDir: repo.dir, ...options });
  ctx.onTestFinished(async () => {
    await emulator.close();
    repo.remove();
  });
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };
  const octokit = createClient({
    token: emulator.options.token,
    baseUrl: emulator.url,
    logger,
    retryBaseMs: 1,
    requestTimeoutMs: 5000,
  });
  return {
    emulator,
    repo,
    forge: new GitHubForge(octokit, { owner: "acme", repo: "app" }, logger),
    warnings,
  };
}
