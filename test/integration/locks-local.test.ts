/**
 * The local locks on real files: the per-environment deploy lock (its file name, its holder) and
 * the short lock of the ledger and the incident files, against real processes holding them.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { environmentLockPath } from "../../src/adapters/environment-lock.ts";

describe("environmentLockPath", () => {
  const ledger = "/repo/.shipguard/deployments.jsonl";

  it("is bounded whatever the environment's name, keeps a readable prefix, and ignores case", () => {
    const names = [
      "staging",
      "e".repeat(226),
      "本番環境".repeat(7),
      "x".repeat(255),
      "prod eu/west",
      "..",
      "%2E",
    ];
    const files = names.map((name) => environmentLockPath(ledger, name));
    for (const file of files) {
      expect(path.dirname(file)).toBe(path.dirname(ledger));
      expect(Buffer.byteLength(path.basename(file))).toBeLessThanOrEqual(80);
      expect(path.basename(file)).toMatch(/^deployments\.jsonl\.([a-z0-9_-]+-)?[0-9a-f]{16}\.deploy\.lock$/);
    }
    expect(new Set(files).size).toBe(names.length);
    expect(path.basename(files[0] ?? "")).toMatch(/^deployments\.jsonl\.staging-[0-9a-f]{16}\.deploy\.lock$/);
    expect(environmentLockPath(ledger, "Production")).toBe(environmentLockPath(ledger, "production"));
    expect(environmentLockPath(ledger, "PRODUCTION")).toBe(environmentLockPath(ledger, "production"));
  });
});
