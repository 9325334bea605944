/**
 * action.yml, the settings schema, the outputs list and the README must agree: action.yml is
 * generated from the schema, every output a presenter writes is declared, and the README
 * documents every input and output.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import type { DeployResult } from "../../src/commands/deploy.ts";
import type { ReleaseResult } from "../../src/commands/release.ts";
import type { RollbackResult } from "../../src/commands/rollback.ts";
import type { SmokeResult } from "../../src/commands/smoke.ts";
import type { VersionResult, VersionsResult } from "../../src/commands/version.ts";
import { OUTPUTS } from "../../src/outputs.ts";
import { deployOutputs, rollbackOutputs, smokeOutputs } from "../../src/presenters/deploy.ts";
import { metricsOutputs } from "../../src/presenters/metrics.ts";
import { releaseOutputs } from "../../src/presenters/release.ts";
import { pullRequestOutputs } from "../../src/presenters/release-pr.ts";
import { versionOutputs } from "../../src/presenters/version.ts";
import { packagesOutputs } from "../../src/presenters/version-packages.ts";
import { incidentCommand } from "../../src/registry/commands/incident.ts";
import { refusalOf } from "../../src/settings/file-keys.ts";
import { OPTIONS } from "../../src/settings.ts";
import { shipguardStepInputs } from "../helpers/workflow-step.ts";

const root = path.resolve(import.meta.dirname, "../..");
const action = YAML.parse(readFileSync(path.join(root, "action.yml"), "utf8"));
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe("action.yml", () => {
  it("runs the bundle on node24", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("is what scripts/gen-action.mjs writes from the schema", () => {
    const r = spawnSync(process.execPath, [path.join(root, "scripts/gen-action.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("no description holds an expression: GitHub's validator reads `${{` there as one", () => {
    const described = [
      ["action", action.description],
      ...Object.entries(action.inputs as Record<string, { description: string }>).map(([k, v]) => [
        k,
        v.description,
      ]),
      ...Object.entries(action.outputs as Record<string, { description: string }>).map(([k, v]) => [
        k,
        v.description,
      ]),
    ];
    expect(described.filter(([, text]) => String(text).includes("${{")).map(([name]) => name)).toEqual([]);
  });

  it("declares exactly the schema's action inputs", () => {
    const schema = OPTIONS.filter((o) => !o.cliOnly);
    expect(Object.keys(action.inputs).sort()).toEqual(schema.map((o) => o.name).sort());
  });

  it("declares no default the settings file could set: an input the runner fills counts as given and would hide the file", () => {
    const declared = Object.entries(action.inputs as Record<string, { default?: unknown }>)
      .filter(([, input]) => input.default !== undefined)
      .map(([name, input]) => [name, String(input.default)]);
    // Only the runner's context (token, repository) and the command: none of them may be in the file.
    expect(declared).toEqual([
      ["command", "version"],
      ["token", "${{ github.token }}"],
      ["repository", "${{ github.repository }}"],
    ]);
    for (const [name] of declared) expect(refusalOf(name ?? ""), name).not.toBeNull();
  });

  it("says each default shipguard applies in the input's description, and in the README's default column", () => {
    for (const o of OPTIONS.filter(
      (x) => !x.cliOnly && x.default !== undefined && x.actionDefault === undefined,
    )) {
      const words = (o.default ?? "")
        .split("\n")
        .map((line) => `\`${line}\``)
        .join(", ");
      expect(action.inputs[o.name].description, o.name).toContain(`Default: ${words}.`);
      expect(readme, o.name).toContain(`| \`${o.name}\` | ${words} |`);
    }
  });

  it("every output a command writes is declared, and every declared output is written", () => {
    // The presenters only read the fields they print: minimal results are enough to list their keys.
    const version = {
      version: null,
      previousVersion: null,
      tag: null,
      previousTag: null,
      bump: "none",
      releaseNeeded: false,
      prerelease: false,
      commitCount: 0,
      notes: "",
    } as unknown as VersionResult;
    const written = [
      ...Object.keys(versionOutputs(version)),
      ...Object.keys(
        packagesOutputs({
          packages: [{ ...version, path: ".", component: "app", tagPrefix: "v", reason: "", warnings: [] }],
          sha: "0".repeat(40),
          warnings: [],
          commitsRead: 0,
        } as unknown as VersionsResult),
      ),
      ...Object.keys(
        releaseOutputs({
          version,
          released: false,
          superseded: false,
          tagSha: null,
          release: null,
        } as unknown as ReleaseResult),
      ),
      ...Object.keys(pullRequestOutputs(null)),
      ...Object.keys(
        deployOutputs({
          deploymentId: "1",
          status: "success",
          smoke: null,
          previousGoodVersion: null,
          rollback: null,
        } as unknown as DeployResult),
      ),
      ...Object.keys(smokeOutputs({ verdict: "pass", report: {} } as unknown as SmokeResult)),
      ...Object.keys(
        rollbackOutputs({
          rolledBackTo: null,
          rolledBackFrom: null,
          status: "success",
          deploymentId: null,
        } as unknown as RollbackResult),
      ),
      ...Object.keys(metricsOutputs({} as never)),
      // The incident command's (announce.ts writes the same output after a deploy or rollback).
      ...Object.keys(
        incidentCommand.present(
          { action: "opened", where: "x", id: "i", event: "blocked" },
          {} as never,
          {} as never,
        ).outputs,
      ),
    ];
    const declared = OUTPUTS.map((o) => o.name).sort();
    expect([...new Set(written)].sort()).toEqual(declared);
  });

  it("every input and output is in the README", () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toContain(`| \`${name}\` |`);
    }
  });
});

describe("release.yml", () => {
  const workflow = YAML.parse(readFileSync(path.join(root, ".github/workflows/release.yml"), "utf8"));
  const inputs = Object.keys(workflow.on.workflow_call.inputs);
  const step = Object.values(workflow.jobs as Record<string, { steps: { id?: string; with?: object }[] }>)
    .flatMap((job) => job.steps)
    .find((s) => s.id === "shipguard");
  /**
   * What release.yml settles otherwise: the step's own command, the token and webhook URLs from
   * secrets, the caller's repository, and fetch-history (its checkout has every commit and tag).
   */
  const elsewhere = new Set(["command", "token", "notify-url", "repository", "fetch-history"]);

  it("offers every option `release` reads as an input, and passes it to the action", () => {
    const wanted = OPTIONS.filter(
      (o) => o.commands.includes("release") && !o.cliOnly && !elsewhere.has(o.name),
    ).map((o) => o.name);
    expect(wanted.filter((name) => !inputs.includes(name))).toEqual([]);
    const passed = Object.keys(step?.with ?? {});
    expect(wanted.filter((name) => !passed.includes(name))).toEqual([]);
  });

  it("passes release-mode on, and writes with the App token it makes, else the token secret, else GITHUB_TOKEN", () => {
    const base = { token: "ghs_job", appToken: "ghs_app" };
    const app = shipguardStepInputs("release.yml", {
      ...base,
      inputs: { "release-mode": "pull-request", "app-client-id": "Iv23li0123" },
      secrets: { APP_PRIVATE_KEY: "key", token: "ghp_pat" },
    });
    expect(app).toMatchObject({ "release-mode": "pull-request", token: "ghs_app" });
    expect(shipguardStepInputs("release.yml", { ...base, secrets: { token: "ghp_pat" } }).token).toBe(
      "ghp_pat",
    );
    expect(shipguardStepInputs("release.yml", base)).toMatchObject({ token: "ghs_job", "release-mode": "" });
    // The App step runs only when a client id is given, and the job asks for no more than contents: write.
    const app_step = workflow.jobs.release.steps.find((s: { id?: string }) => s.id === "app");
    expect(app_step.if).toBe("inputs.app-client-id != ''");
    expect(workflow.jobs.release.permissions).toEqual({ contents: "write" });
  });
});
