/**
 * The settings file read from its text (issue 19, item 1): each value shape becomes the input's
 * text, mistakes name the file and the line, refused keys say why, and the inputs that are given
 * win over the file, which wins over the defaults.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { parseSettingsFile } from "../../src/settings/settings-file.ts";
import {
  layerSettings,
  type RawSource,
  readDeploySettings,
  readLocated,
  readReleaseSettings,
  readVersionSettings,
} from "../../src/settings.ts";
import { thrown } from "../helpers/failure.ts";

const FILE = ".github/shipguard.yml";

function parsed(text: string) {
  return parseSettingsFile(text, FILE);
}

/** The inputs given (`given`) over the file's text. */
function layered(text: string, given: Record<string, string> = {}): RawSource {
  return layerSettings((name) => given[name], parsed(text));
}

describe("values become the input's text", () => {
  it("keeps text, numbers and booleans as written", () => {
    const file = parsed(
      "tag-prefix: release/v\ndeploy-timeout-minutes: 20\nfetch-history: false\ninitial-version: 0.10.0\nbuild-metadata: 1.10\n",
    );
    expect(Object.fromEntries(file.values)).toEqual({
      "tag-prefix": "release/v",
      "deploy-timeout-minutes": "20",
      "fetch-history": "false",
      "initial-version": "0.10.0",
      // A YAML number keeps its digits: 1.10, not 1.1.
      "build-metadata": "1.10",
    });
  });

  it("joins a list as the input reads its list: lines or commas", () => {
    const file = parsed(
      "release-rules:\n  - docs(readme)=patch\n  - refactor=minor\nnotify-on: [released, blocked]\nmigration-paths: [db/**, sql/**]\n",
    );
    expect(file.values.get("release-rules")).toBe("docs(readme)=patch\nrefactor=minor");
    expect(file.values.get("notify-on")).toBe("released, blocked");
    expect(file.values.get("migration-paths")).toBe("db/**\nsql/**");
  });

  it("turns a mapping into name=value pairs where the input takes them", () => {
    const file = parsed(
      "prerelease-branches:\n  next: rc\n  beta: beta\nworkflow-inputs: { region: eu-west-1, replicas: 3 }\nrelease-rules: { refactor: minor, docs(readme): patch }\n",
    );
    expect(file.values.get("prerelease-branches")).toBe("next=rc, beta=beta");
    expect(file.values.get("workflow-inputs")).toBe("region=eu-west-1\nreplicas=3");
    expect(
      readVersionSettings(layered("release-rules: { refactor: minor, docs(readme): patch }\n")).releaseRules,
    ).toEqual([
      { type: "refactor", scope: null, bump: "minor" },
      { type: "docs", scope: "readme", bump: "patch" },
    ]);
  });

  it("writes nested `checks` back as YAML for the checks reader, and keeps a block of text as it is", () => {
    const nested = parsed(
      "checks:\n  settings: { deadline-ms: 5000 }\n  checks:\n    - name: health\n      http: https://a.example/h\n",
    );
    expect(YAML.parse(nested.values.get("checks") ?? "")).toEqual({
      settings: { "deadline-ms": 5000 },
      checks: [{ name: "health", http: "https://a.example/h" }],
    });
    const block = parsed("checks: |\n  - name: up\n    http: https://a.example/\n");
    expect(block.values.get("checks")).toBe("- name: up\n  http: https://a.example/\n");
    const deploy = readDeploySettings(
      layered("checks:\n  - name: up\n    http: https://a.example/\n", {
        environment: "production",
        "deploy-command": "true",
        version: "1.0.0",
      }),
    );
    expect(YAML.parse(deploy.checks.inline ?? "")).toEqual([{ name: "up", http: "https://a.example/" }]);
  });

  it("reads an empty value, an empty file and a file of comments as nothing set", () => {
    expect(parsed("prerelease:\ntag-prefix: v\n").values.has("prerelease")).toBe(false);
    for (const text of ["", "# nothing yet\n", "---\n"]) {
      expect(parsed(text)).toMatchObject({ packages: null });
      expect(parsed(text).values.size).toBe(0);
    }
  });

  it.each([
    [
      "a list where one value is taken",
      "fetch-history: true\ntag-prefix: [v, w]\n",
      2,
      "tag-prefix is a list; it takes one value.",
    ],
    [
      "a mapping where one value is taken",
      "initial-version:\n  major: 1\n",
      2,
      "initial-version is a mapping; it takes one value.",
    ],
    [
      "a mapping where a list is taken",
      "notify-on: { released: true }\n",
      1,
      "notify-on is a mapping; it takes a list or text.",
    ],
    [
      "a list inside a list",
      "release-rules:\n  - [feat, minor]\n",
      2,
      "release-rules is a list with an entry that is not a value",
    ],
    [
      "a list as a pair's value",
      "workflow-inputs:\n  region: [eu]\n",
      2,
      "workflow-inputs is a mapping with an entry that is not a value",
    ],
  ])("refuses %s, naming the setting and the line", (_name, text, line, problem) => {
    const error = thrown(() => parsed(text));
    expect(error.code).toBe("SG_SETTINGS_FILE_INVALID");
    expect(error.message).toContain(`${FILE} line ${line}: ${problem}`);
  });
});

describe("the file's shape", () => {
  it("refuses invalid YAML at its line", () => {
    const error = thrown(() => parsed("tag-prefix: v\nrelease-rules: [feat=minor\n"));
    expect(error.code).toBe("SG_SETTINGS_FILE_INVALID");
    expect(error.message).toMatch(/^\.github\/shipguard\.yml line \d: not valid YAML: /);
  });

  it("refuses a key given twice, at the second one", () => {
    const error = thrown(() => parsed("tag-prefix: v\ninitial-version: 1.0.0\ntag-prefix: w\n"));
    expect(error.message).toMatch(
      /^\.github\/shipguard\.yml line 3: not valid YAML: Map keys must be unique/,
    );
  });

  it.each([
    ["a list", "- tag-prefix: v\n", "a list"],
    ["text", "tag-prefix v\n", 'the value "tag-prefix v"'],
  ])("refuses a top level that is %s", (_name, text, what) => {
    const error = thrown(() => parsed(text));
    expect(error.code).toBe("SG_SETTINGS_FILE_INVALID");
    expect(error.message).toContain(`${FILE} line 1: the top level is ${what}; it must be a mapping`);
  });

  it("names an unknown key, its file, its line and the nearest known key", () => {
    const error = thrown(() => parsed("# shipguard\ninitial-version: 1.0.0\ntag-prefx: v\n"));
    expect(error.code).toBe("SG_SETTINGS_UNKNOWN");
    expect(error.message).toBe(`Unknown setting "tag-prefx" in ${FILE} line 3: did you mean "tag-prefix"?`);
    expect(error.remedy).toContain("inputs by their names");
  });

  it("still names the nearest key when nothing is close, without guessing", () => {
    const error = thrown(() => parsed("colour: blue\n"));
    expect(error.message).toMatch(
      /^Unknown setting "colour" in \.github\/shipguard\.yml line 1 \(the nearest known one is "[a-z-]+"\)\.$/,
    );
  });

  it.each([
    ["token", "secrets never go in a repository file", "secrets.*"],
    ["notify-url", "secrets never go in a repository file", "secrets.*"],
    ["command", "chosen per step", "Set `command` on each step."],
    ["working-directory", "it says where the file is", "--cwd"],
    ["config-file", "it says where the file is", "--config-file"],
    ["repository", "would send every local run to GitHub", "--repo"],
    ["correlation-id", "every later deploy or rollback would do nothing", "for the run it is meant for"],
    ["force", "one run's value", "for the run it is meant for"],
    ["push", "a flag of one command line", "`--push`"],
  ])("refuses %s with the reason and the remedy", (key, reason, remedy) => {
    const error = thrown(() => parsed(`tag-prefix: v\n${key}: x\n`));
    expect(error.code).toBe("SG_SETTINGS_REFUSED");
    expect(error.message).toContain(`"${key}" cannot be set in ${FILE} line 2: `);
    expect(error.message).toContain(reason);
    expect(error.remedy).toContain(remedy);
  });
});

describe("precedence: a given input, then the file, then the default", () => {
  const text = "tag-prefix: release/v\ninitial-version: 0.1.0\n";

  it("takes the file's value when the input is not given or empty, the input's when given", () => {
    expect(readVersionSettings(layered(text)).tagPrefix).toBe("release/v");
    expect(readVersionSettings(layered(text, { "tag-prefix": "" })).tagPrefix).toBe("release/v");
    expect(readVersionSettings(layered(text, { "tag-prefix": "  " })).tagPrefix).toBe("release/v");
    expect(readVersionSettings(layered(text, { "tag-prefix": "pkg@" })).tagPrefix).toBe("pkg@");
    expect(readVersionSettings(layered(text)).initialVersion).toBe("0.1.0");
  });

  it("falls back to the default for what neither sets", () => {
    const settings = readVersionSettings(layered(text));
    expect(settings.majorZeroBreaking).toBe("minor");
    expect(settings.squashBullets).toBe("never");
    expect(settings.packages).toBeNull();
  });

  it("says where a bad value of the file is, and not when an input gave it", () => {
    const source = layered("tag-prefix: v\ninitial-version: one\n");
    const fromFile = thrown(() => readLocated(readVersionSettings, source));
    expect(fromFile.code).toBe("SG_INPUT_INVALID");
    expect(fromFile.message).toBe(
      `Invalid initial-version: "one". Expected a SemVer version such as \`1.0.0\` or \`0.1.0\`. (set in ${FILE} line 2)`,
    );
    expect(fromFile.remedy).toBe(`Correct \`initial-version\` in ${FILE} line 2 as the message says.`);
    const given = thrown(() =>
      readLocated(readVersionSettings, layered("initial-version: 1.0.0\n", { "initial-version": "two" })),
    );
    expect(given.message).not.toContain(FILE);
    expect(given.remedy).toContain("the action input `initial-version` (CLI flag `--initial-version`)");
  });

  it("lets a release read dry-run from the file", () => {
    expect(readReleaseSettings(layered("dry-run: true\n")).dryRun).toBe(true);
    expect(readReleaseSettings(layered("")).dryRun).toBe(false);
  });
});

describe("the README's example settings file", () => {
  const lines = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8").split("\n");
  const start = lines.indexOf("# .github/shipguard.yml");
  const text = lines.slice(start, lines.indexOf("```", start)).join("\n");

  it("is read as the README says, by every command's reader", () => {
    expect(lines[start - 1]).toBe("```yaml");
    const source = layerSettings(
      (name) => ({ environment: "production", version: "1.0.0", "deploy-command": "true" })[name],
      parsed(text),
    );
    const release = readReleaseSettings(source);
    expect(release).toMatchObject({ tagPrefix: "v", squashBullets: "fallback", floatingTags: "major" });
    expect(release.prereleaseBranches.get("next")).toBe("rc");
    expect(release.packages?.map((p) => [p.path, p.tagPrefix, p.extraPaths])).toEqual([
      ["packages/api", "api-v", ["shared/**"]],
      ["packages/web", "web-v", []],
    ]);
    const deploy = readDeploySettings(source);
    expect(deploy.deployTimeoutMs).toBe(20 * 60_000);
    expect(YAML.parse(deploy.checks.inline ?? "")).toMatchObject({ checks: [{ name: "health" }] });
  });
});
