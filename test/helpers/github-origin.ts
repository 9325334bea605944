/**
 * GitHub's copy of a repository, served by the API emulator as `acme/app` with `contents: write`,
 * and fresh clones of it as runner checkouts; both gone when the test finishes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestContext } from "vitest";
import { type Emulator, startEmulator } from "../emulator/index.ts";
import { TestRepo } from "./git-repo.ts";

export interface GitHubOrigin {
  emulator: Emulator;
  /** A clone of the origin, as actions/checkout with `fetch-depth: 0` leaves it. */
  checkout(): TestRepo;
}

export async function githubOrigin(
  ctx: TestContext,
  origin: TestRepo,
  token: string,
  options: Partial<Parameters<typeof startEmulator>[0]> = {},
): Promise<GitHubOrigin> {
  const emulator = await startEmulator({
    gitDir: origin.dir,
    owner: "acme",
    repo: "app",
    token,
    permissions: { contents: "write" },
    ...options,
  });
  // The context's own hook: with concurrent tests the global one may attach to another test.
  ctx.onTestFinished(() => emulator.close());
  return {
    emulator,
    checkout() {
      const dir = mkdtempSync(path.join(os.tmpdir(), "shipguard-checkout-"));
      ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      execFileSync("git", ["clone", "-q", `file://${origin.dir}`, dir]);
      return new TestRepo(dir);
    },
  };
}
