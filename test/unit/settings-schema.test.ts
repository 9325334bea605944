/**
 * Every option a command's settings reader reads is one the schema declares for that command.
 * The CLI accepts only declared flags (and `--help` lists only those), so an option read but not
 * declared works in the action and is refused on the CLI: `--tag-prefix` on `deploy` and
 * `rollback` was (issue 18, item 9). Each reader is run on sources that take its conditional
 * paths, and every name it asks for is checked against `optionsFor(command)`.
 */
import { describe, expect, it } from "vitest";
import {
  type CommandName,
  optionsFor,
  type RawSource,
  readDeploySettings,
  readIncidentSettings,
  readReleaseSettings,
  readRollbackSettings,
  readSmokeSettings,
  readVersionSettings,
} from "../../src/settings.ts";

const INCIDENT = JSON.stringify({
  schema: "shipguard.incident/v1",
  id: "run-1",
  event: "rolled-back",
  title: "Rollback in production: 1.1.0 → 1.0.0",
  report: "report",
});

const STRATEGIES: Record<string, string>[] = [
  { strategy: "command", "deploy-command": "true", "traffic-steps": "50, 100" },
  { strategy: "workflow", "deploy-workflow": "deploy.yml", "workflow-ref": "main" },
  { strategy: "symlink", "release-source": "build", "releases-dir": "releases" },
];

/** The sources each reader is run on: together they take every path that reads an option. */
const CASES: [CommandName, (source: RawSource) => unknown, Record<string, string>[]][] = [
  ["version", readVersionSettings, [{ prerelease: "rc", "build-metadata": "b1" }]],
  ["release", readReleaseSettings, [{ "notify-url": "https://hooks.example.com/x", "dry-run": "true" }]],
  [
    "deploy",
    readDeploySettings,
    STRATEGIES.flatMap((strategy) => [
      { environment: "production", version: "1.0.0", ...strategy },
      {
        environment: "production",
        ref: "main",
        "require-verified-in": "staging",
        force: "true",
        reason: "hotfix",
        ...strategy,
      },
    ]),
  ],
  ["smoke", readSmokeSettings, [{ environment: "staging", checks: "[]" }]],
  [
    "rollback",
    readRollbackSettings,
    STRATEGIES.map((strategy) => ({
      environment: "production",
      reason: "broken",
      "to-version": "1.0.0",
      ...strategy,
    })),
  ],
  ["incident", readIncidentSettings, [{ incident: INCIDENT }]],
];

describe("the settings readers read only the options their command declares", () => {
  it.each(CASES)("%s", (command, read, sources) => {
    const declared = new Set(optionsFor(command).map((o) => o.name));
    const asked = new Set<string>();
    for (const values of sources) {
      read((name) => {
        asked.add(name);
        return values[name];
      });
    }
    expect([...asked].filter((name) => !declared.has(name))).toEqual([]);
  });
});
